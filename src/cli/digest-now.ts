import { webApi } from '@slack/bolt';
import { SLACK_WEB_API } from '../config.js';
import { DigestRunner } from '../digests/digest-runner.js';
import type { PaperLibrary } from '../library/paper-library.js';
import { createLogger } from '../logger.js';
import { webApiDigestPoster } from '../slack/outbound/post-digest.js';
import type { CliConfig } from './run-cli.js';

/**
 * `paperbot digest --now`: every watch's digest for the current period, through the same claims
 * as the app's scheduler, so running it twice (or beside the app) posts each period once.
 */
export async function digestNow(
  library: PaperLibrary,
  config: CliConfig,
  print: (text: string) => void,
  io: { stderr: NodeJS.WritableStream },
): Promise<number> {
  const client = new webApi.WebClient(config.botToken, {
    ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
    retryConfig: { ...SLACK_WEB_API.retryConfig },
    timeout: SLACK_WEB_API.timeoutMs,
    logLevel: webApi.LogLevel.ERROR,
  });
  const logger = createLogger({ level: 'warn', pretty: false, destination: io.stderr });
  // NOTE: one token posts for one workspace: only its watches (others, in an OAuth deployment,
  // would answer channel_not_found and be paused wrongly).
  let workspace: { teamId: string; enterpriseId: string | null };
  try {
    const who = await client.auth.test();
    workspace = { teamId: String(who.team_id), enterpriseId: who.enterprise_id ? String(who.enterprise_id) : null };
  } catch (error) {
    io.stderr.write(
      `paperbot digest: Slack did not accept SLACK_BOT_TOKEN (${(error as { data?: { error?: string } }).data?.error ?? (error as Error).message}).\n`,
    );
    return 1;
  }
  const runner = new DigestRunner({ library, poster: webApiDigestPoster(() => client), schedule: config.digest, logger, workspace });
  const r = await runner.runNow();
  print(
    `Digests: ${r.posted} posted, ${r.empty} with nothing new, ${r.skipped} posted already this period, ` +
      `${r.paused} paused (cannot post in the channel), ${r.failed} failed.`,
  );
  return r.failed > 0 ? 1 : 0;
}
