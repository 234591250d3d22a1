import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Deps, PaperbotContext } from '../../src/slack/deps.js';
import { installedIn } from '../shared/workspace.js';

/**
 * `app_uninstalled`: Paperbot was removed from a workspace (or, org-wide, from an Enterprise Grid
 * org). Its installation (the tokens) and everything it remembered there (shares, saves,
 * watches and their digests) are deleted, in one transaction (src/store/installations.ts).
 * NOTE: Bolt runs this without looking up an installation (the tokens are dead already). Slack
 * may send it before or after `tokens_revoked`, and again on a retry: a second delete finds
 * nothing. Nothing is posted: there is nobody to post to.
 */
export const appUninstalled =
  (deps: Deps) =>
  async ({ context }: AllMiddlewareArgs<PaperbotContext> & SlackEventMiddlewareArgs): Promise<void> => {
    const { log } = context;
    const where = installedIn(context);
    if (!where) return log.warn('app_uninstalled names no workspace: nothing deleted');
    if (!deps.departures) return log.warn(where, 'app_uninstalled: no store here, nothing to delete');
    const deleted = await deps.departures.uninstalled(where);
    log.info({ ...where, deleted }, 'uninstalled: the installation and the workspace’s shares, saves and watches deleted');
  };
