import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { alreadySavedMessage, NO_WORKSPACE_NOTICE, savedNotice } from '../../src/render/notices.js';
import type { Deps, PaperbotContext } from '../../src/slack/deps.js';
import { paperFromButton, readClick, tellClicker, tellExpired } from '../shared/button-click.js';
import { workspaceOf } from '../shared/workspace.js';

/**
 * Save, on any paper card (results, similar papers, a shared card): puts the paper on the
 * clicker's own reading list and tells them alone (below the card through response_url, else an
 * ephemeral message). On a paper already saved nothing changes: they are offered Remove
 * (reading-list-item.ts). A paper no longer in the corpus (an old card, a crafted value) saves
 * nothing. NOTE: the store keeps one row per person and paper, so Slack delivering the click
 * twice saves it once.
 */
export const savePaper =
  (deps: Deps) =>
  async ({ ack, body, client, respond, context }: AllMiddlewareArgs<PaperbotContext> & SlackActionMiddlewareArgs): Promise<void> => {
    await ack();
    const { log } = context;
    const args = { deps, body, client, respond, log };
    const click = await readClick(args, 'save');
    if (!click) return;
    const paper = paperFromButton(deps, click.actions[0]!.value);
    if (!paper) return tellExpired(args, click);
    const ws = workspaceOf(context);
    if (!ws) return tellClicker(args, click, NO_WORKSPACE_NOTICE);
    const added = await deps.memory.save(ws, click.user.id, paper.id);
    log.info({ paperId: paper.id }, added ? 'saved a paper' : 'save: already on the reading list; offered Remove');
    await tellClicker(args, click, added ? savedNotice(paper) : alreadySavedMessage(paper));
  };
