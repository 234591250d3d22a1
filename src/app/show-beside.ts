import type { RespondFn, webApi } from '@slack/bolt';
import type { View } from '../render/view-state.js';
import type { Deps } from './deps.js';
import { post, respondBelow, type Origin } from './origin.js';
import { renderView } from './views.js';

/**
 * Shows a view next to the clicked message without replacing it: a new ephemeral message under
 * `/paper` results, a reply in the thread for mentions, a DM from the Home tab.
 */
export async function showBeside(args: { deps: Deps; origin: Origin; view: View; client: webApi.WebClient; respond: RespondFn | undefined }): Promise<void> {
  const { deps, origin, view, client, respond } = args;
  switch (origin.surface) {
    case 'ephemeral':
      if (respond) await respondBelow(respond, renderView(view, deps, { surface: 'ephemeral' }));
      return;
    case 'thread':
      await post(client, origin.channel, origin.threadTs, renderView(view, deps, { surface: 'thread' }));
      return;
    case 'home':
      await post(client, origin.user, undefined, renderView(view, deps, { surface: 'thread' }));
  }
}
