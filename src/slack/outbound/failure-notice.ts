import { ErrorCode, type webApi } from '@slack/bolt';
import { z } from 'zod';
import type { Logger } from '../../logger.js';
import type { Message } from '../../render/message.js';
import { CANNOT_POST_NOTICE, FAILED_NOTICE, UNCONFIRMED_NOTICE } from '../../render/notices.js';
import { cannotPostHere } from './post-message.js';
import { sendNotice, type NoticeRoute } from './send-notice.js';
import { postUnconfirmed } from './post-once-fetch.js';

// Only what routing a notice needs; everything optional, since this runs for any failed request.
const NoticeBody = z.object({
  response_url: z
    .url({ protocol: /^https?$/ })
    .optional()
    .catch(undefined),
  user: z.object({ id: z.string() }).optional().catch(undefined),
  container: z.object({ type: z.string() }).optional().catch(undefined),
  event: z.object({ channel: z.string(), user: z.string(), ts: z.string().optional(), thread_ts: z.string().optional() }).optional().catch(undefined),
});

/** Bolt wraps several listeners' failures in one; the first says what went wrong. */
function firstCause(error: unknown): unknown {
  const coded = error as { code?: string; originals?: unknown[] };
  return coded.code === ErrorCode.MultipleListenerError && coded.originals?.length ? coded.originals[0] : error;
}

/** Slack's answer to a post on a response_url that is over 30 minutes old or used 5 times. */
export function isExpiredResponseUrl(error: unknown): boolean {
  const respond = error as { code?: string; statusCode?: number };
  return respond.code === ErrorCode.RespondError && (respond.statusCode === 404 || respond.statusCode === 410);
}

/** A response_url as a way to send a notice: an ephemeral message below the clicked one. */
function respondVia(fetchFn: webApi.FetchFunction, url: string) {
  return async (message: Message) => {
    const response = await fetchFn(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks }),
    });
    if (!response.ok) throw new Error(`response_url answered ${response.status}`);
  };
}

/** How to reach the user behind a request privately, from whatever its body has. */
export function noticeRouteOf(body: unknown, fetchFn: webApi.FetchFunction): NoticeRoute {
  const parsed = NoticeBody.safeParse(body);
  if (!parsed.success) return {};
  const { response_url: responseUrl, user, container, event } = parsed.data;
  if (responseUrl) return { respond: respondVia(fetchFn, responseUrl) };
  if (event) return { channel: event.channel, user: event.user, threadTs: event.thread_ts ?? event.ts };
  if (container?.type === 'view' && user) return { user: user.id };
  return {};
}

const noticeFor = (error: unknown): Message => (cannotPostHere(error) ? CANNOT_POST_NOTICE : postUnconfirmed(error) ? UNCONFIRMED_NOTICE : FAILED_NOTICE);

/**
 * After an ack, a failure is the user's too: they asked and nothing came. Tells them, privately
 * (how to fix it when Slack would not let us post there; to try again otherwise). An expired
 * response_url is only logged: it was the way to reach them. Never throws.
 */
export async function tellUserItFailed(args: {
  error: unknown;
  body: unknown;
  client: webApi.WebClient;
  fetch: webApi.FetchFunction;
  log: Logger;
}): Promise<void> {
  const { body, client, log } = args;
  const error = firstCause(args.error);
  if (isExpiredResponseUrl(error)) {
    log.warn('response_url expired (over 30 minutes old, or used 5 times): nothing more to say there');
    return;
  }
  try {
    const told = await sendNotice(client, noticeRouteOf(body, args.fetch), noticeFor(error));
    log.info({ told }, told ? 'told the user it failed' : 'no way to tell the user it failed');
  } catch (noticeError) {
    log.warn({ err: noticeError }, 'could not tell the user it failed either');
  }
}
