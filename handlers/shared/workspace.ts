import type { Workspace } from '../../src/answers/answer-deps.js';
import type { InstalledIn } from '../../src/slack/deps.js';

/**
 * The workspace a request came from, as Bolt reads it from the signed payload (`team_id`,
 * `team.id`, `user.team_id`; `enterprise_id` on Enterprise Grid); undefined when it names none.
 * NOTE: never taken from a button's value: what a workspace remembers is read and written only
 * under the workspace Slack signed the request for.
 */
export function workspaceOf(context: { teamId?: string; enterpriseId?: string }): Workspace | undefined {
  return context.teamId ? { teamId: context.teamId, enterpriseId: context.enterpriseId ?? null } : undefined;
}

/**
 * Where the app was installed, for `app_uninstalled` and `tokens_revoked` (which Bolt hands over
 * without looking up an installation): the workspace, or the org of an org-wide install, as Bolt
 * reads them from the signed envelope.
 */
export function installedIn(context: { teamId?: string; enterpriseId?: string; isEnterpriseInstall?: boolean }): InstalledIn | undefined {
  const where = { teamId: context.teamId, enterpriseId: context.enterpriseId, isEnterpriseInstall: context.isEnterpriseInstall === true };
  return (where.isEnterpriseInstall ? where.enterpriseId : where.teamId) ? where : undefined;
}
