import type { Workspace } from '../../src/answers/answer-deps.js';

/**
 * The workspace a request came from, as Bolt reads it from the signed payload (`team_id`,
 * `team.id`, `user.team_id`; `enterprise_id` on Enterprise Grid); undefined when it names none.
 * NOTE: never taken from a button's value: what a workspace remembers is read and written only
 * under the workspace Slack signed the request for.
 */
export function workspaceOf(context: { teamId?: string; enterpriseId?: string }): Workspace | undefined {
  return context.teamId ? { teamId: context.teamId, enterpriseId: context.enterpriseId ?? null } : undefined;
}
