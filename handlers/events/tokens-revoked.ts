import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Deps, PaperbotContext } from '../../src/slack/deps.js';
import { readInput, TokensRevokedInput } from '../shared/inputs.js';
import { installedIn } from '../shared/workspace.js';

/**
 * `tokens_revoked`: tokens of the app in a workspace were revoked. When the bot's is among them
 * (`tokens.bot` lists bot user ids), the installation goes: without its token Paperbot can do
 * nothing there, and a reinstall stores a new one. User tokens alone change nothing (Paperbot
 * asks for none). The workspace's data stays until `app_uninstalled`.
 * NOTE: Bolt runs this without looking up an installation; idempotent, and safe before or
 * after `app_uninstalled`.
 */
export const tokensRevoked =
  (deps: Deps) =>
  async ({ event, context }: AllMiddlewareArgs<PaperbotContext> & SlackEventMiddlewareArgs): Promise<void> => {
    const { log } = context;
    const revoked = readInput(TokensRevokedInput, event, log, 'tokens_revoked');
    const bots = revoked?.tokens.bot ?? [];
    if (bots.length === 0) return log.info('tokens_revoked: no bot token among them; nothing to do');
    const where = installedIn(context);
    if (!where) return log.warn('tokens_revoked names no workspace: nothing deleted');
    if (!deps.departures) return log.warn(where, 'tokens_revoked: the bot token was revoked; no store here, nothing to delete');
    const deleted = await deps.departures.tokensRevoked(where, bots);
    log.info({ ...where, bots, deleted }, deleted ? 'bot token revoked: the installation deleted' : 'bot token revoked: no installation of that bot here');
  };
