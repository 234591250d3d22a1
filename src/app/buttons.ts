import type { RespondFn, webApi } from '@slack/bolt';
import type { Paper } from '../corpus/paper.js';
import type { Logger } from '../logger.js';
import { decodeView } from '../render/view-state.js';
import type { Deps } from './deps.js';
import type { SeenEvents } from './event-dedupe.js';
import { ButtonClickInput, readInput, type ButtonClick } from './inputs.js';
import { EXPIRED_NOTICE, sendNotice, UNREADABLE_NOTICE, type NoticeRoute } from './notices.js';
import { originOf, post, respondBelow, respondInPlace } from './origin.js';
import { sharePaper } from './share-paper.js';
import { showBeside } from './show-beside.js';
import { renderView } from './views.js';

/** What every button listener passes on, after its `ack()`. */
export interface ButtonArgs {
  deps: Deps;
  body: unknown;
  client: webApi.WebClient;
  respond: RespondFn | undefined;
  log: Logger;
}

/**
 * The paper a button's value names. NOTE: values are looked up, never trusted: only an exact
 * corpus id counts (not an arXiv URL `get` would also resolve), and what we post is read from
 * the corpus, never from the payload.
 */
export function paperFromButton(deps: Deps, value: string): Paper | undefined {
  const paper = deps.search.get(value);
  return paper?.id === value ? paper : undefined;
}

/** Where to tell the clicker something privately. */
function routeFor(click: ButtonClick, respond: RespondFn | undefined): NoticeRoute {
  if (respond) return { respond: (message) => respondBelow(respond, message) };
  const origin = originOf(click);
  if (origin.surface === 'home') return { user: origin.user };
  return { channel: origin.channel, user: click.user.id, threadTs: origin.surface === 'thread' ? origin.threadTs : undefined };
}

async function readClick(args: ButtonArgs, what: string): Promise<ButtonClick | undefined> {
  const click = readInput(ButtonClickInput, args.body, args.log, what);
  if (!click && args.respond) await respondBelow(args.respond, UNREADABLE_NOTICE);
  return click;
}

async function tellExpired(args: ButtonArgs, click: ButtonClick): Promise<void> {
  args.log.warn({ value: click.actions[0]!.value.slice(0, 80) }, 'button value not recognised: told the user it expired');
  await sendNotice(args.client, routeFor(click, args.respond), EXPIRED_NOTICE);
}

/** Abstract and Similar: the view beside the results (ephemeral below them, or in the thread). */
export async function showPaperView(args: ButtonArgs, kind: 'abstract' | 'similar'): Promise<void> {
  const click = await readClick(args, kind);
  if (!click) return;
  const paper = paperFromButton(args.deps, click.actions[0]!.value);
  if (!paper) return tellExpired(args, click);
  const view = kind === 'abstract' ? { kind, id: paper.id } : { kind, of: paper.id };
  await showBeside({ deps: args.deps, origin: originOf(click), view, client: args.client, respond: args.respond });
  args.log.info(`showed ${kind}`);
}

/**
 * More results, "Did you mean", example searches: the value is a search view. It replaces the
 * message it was on; from the Home tab it arrives in the user's DM with the app.
 */
export async function showSearchView(args: ButtonArgs): Promise<void> {
  const click = await readClick(args, 'search button');
  if (!click) return;
  const view = decodeView(click.actions[0]!.value);
  if (view?.kind !== 'search') return tellExpired(args, click);
  const origin = originOf(click);
  if (origin.surface === 'home') {
    await post(args.client, origin.user, undefined, renderView(view, args.deps, { surface: 'thread' }));
  } else if (args.respond) {
    await respondInPlace(args.respond, renderView(view, args.deps, { surface: origin.surface }));
  }
  args.log.info({ view: view.kind }, 'showed results');
}

/** Share: the card to the channel (or thread), the abstract under it, the results marked shared. */
export async function shareFromButton(args: ButtonArgs & { recentShares: SeenEvents }): Promise<void> {
  const click = await readClick(args, 'share');
  if (!click) return;
  const paper = paperFromButton(args.deps, click.actions[0]!.value);
  if (!paper) return tellExpired(args, click);
  await sharePaper({ deps: args.deps, click, paper, client: args.client, respond: args.respond, log: args.log, recentShares: args.recentShares });
}

/** A button we never made (an old version's, or a crafted one): nothing is done, the clicker is told. */
export async function unknownButton(args: ButtonArgs): Promise<void> {
  const click = await readClick(args, 'unknown button');
  if (click) await tellExpired(args, click);
}
