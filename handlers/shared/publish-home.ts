import type { webApi } from '@slack/bolt';
import { readingList } from '../../src/answers/reading-list.js';
import { topOf } from '../../src/answers/team-view.js';
import type { Logger } from '../../src/logger.js';
import { homeView } from '../../src/render/home.js';
import type { Workspace } from '../../src/answers/answer-deps.js';
import type { Deps } from '../../src/slack/deps.js';

/**
 * Publishes `userId`'s App Home tab: their reading list at the top and the workspace's top papers
 * of the week (when the workspace is known), then what Paperbot does and searches. Each is a
 * nicety: a store that cannot say still gets the Home tab published.
 */
export async function publishHome(deps: Deps, client: webApi.WebClient, userId: string, ws: Workspace | undefined, log: Logger): Promise<void> {
  const [status, list, weekTop] = await Promise.all([
    deps.status().catch((error: unknown) => {
      log.warn({ err: error }, 'home: could not read the sources’ status');
      return null;
    }),
    ws
      ? readingList(deps, ws, userId).catch((error: unknown) => {
          log.warn({ err: error }, 'home: could not read the reading list');
          return null;
        })
      : null,
    ws
      ? topOf(deps, ws, 'week').catch((error: unknown) => {
          log.warn({ err: error }, 'home: could not read the week’s top papers');
          return null;
        })
      : null,
  ]);
  await client.views.publish({ user_id: userId, view: homeView(deps.corpusSummary, status, new Date(), { readingList: list, weekTop }) });
}
