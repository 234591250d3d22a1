import { webApi } from '@slack/bolt';
import { SLACK_WEB_API } from '../config.js';
import type { SlackConfig } from '../env-config.js';
import type { BotIdentity } from './create-app.js';

/** The bot token was rejected (revoked, from another app, mistyped). */
export class BotTokenError extends Error {
  override name = 'BotTokenError';
}

/**
 * Asks Slack who our bot token belongs to (`auth.test`), once at start: a bad token fails here,
 * clearly, not on the first user's click.
 */
export async function fetchBotIdentity(config: SlackConfig, clientOptions: webApi.WebClientOptions = {}): Promise<BotIdentity> {
  const client = new webApi.WebClient(config.botToken, {
    slackApiUrl: config.slackApiUrl,
    retryConfig: { ...SLACK_WEB_API.retryConfig },
    timeout: SLACK_WEB_API.timeoutMs,
    ...clientOptions,
  });
  let result: webApi.AuthTestResponse;
  try {
    result = await client.auth.test();
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    throw new BotTokenError(
      code
        ? `Slack rejected SLACK_BOT_TOKEN (${code}). Copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions, and reinstall the app if you changed its scopes.`
        : `Could not reach Slack to check SLACK_BOT_TOKEN: ${(error as Error).message}`,
    );
  }
  if (!result.user_id || !result.bot_id)
    throw new BotTokenError('SLACK_BOT_TOKEN is not a bot token (auth.test returned no bot_id). Use the Bot User OAuth Token (xoxb-…).');
  return { botId: result.bot_id, botUserId: result.user_id };
}
