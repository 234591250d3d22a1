import type { webApi } from '@slack/bolt';
import type { DigestPoster } from '../../digests/digest-poster.js';
import type { Workspace } from '../../store/team-memory.js';
import { post } from './post-message.js';

/**
 * Digests through the Web API: `chat.postMessage` in the watch's channel, link previews off
 * (post-message.ts). Slack's refusals come back as their error code (`not_in_channel`, …), and
 * anything else that failed after the client's retries as `request_failed`, so the digest runner
 * decides what each means. `clientFor` gives the client of the watch's workspace (undefined: not
 * installed there any more).
 */
export function webApiDigestPoster(clientFor: (ws: Workspace) => webApi.WebClient | undefined | Promise<webApi.WebClient | undefined>): DigestPoster {
  return {
    async post(ws, channel, message) {
      const client = await clientFor(ws);
      if (!client) return { ok: false, error: 'not_installed' };
      try {
        const ts = await post(client, channel, undefined, message);
        return ts ? { ok: true, ts } : { ok: false, error: 'no_ts' };
      } catch (error) {
        const code = (error as { data?: { error?: unknown } }).data?.error;
        return { ok: false, error: typeof code === 'string' ? code : 'request_failed' };
      }
    },
  };
}
