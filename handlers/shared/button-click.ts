import type { RespondFn, webApi } from '@slack/bolt';
import type { Paper } from '../../src/corpus/paper.js';
import type { Logger } from '../../src/logger.js';
import type { Message } from '../../src/render/message.js';
import { EXPIRED_NOTICE, UNREADABLE_NOTICE } from '../../src/render/notices.js';
import { respondBelow } from '../../src/slack/outbound/post-message.js';
import { sendNotice, type NoticeRoute } from '../../src/slack/outbound/send-notice.js';
import type { Deps } from '../../src/slack/deps.js';
import { ButtonClickInput, readInput, type ButtonClick } from './inputs.js';
import { originOf } from './origin.js';

/** What every button listener works with, after its `ack()`. */
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
  return { channel: origin.channel, user: click.user.id, threadTs: origin.threadTs };
}

/** Tells the clicker something only they see: below the clicked message, else as an ephemeral message where they are. */
export async function tellClicker(args: ButtonArgs, click: ButtonClick, message: Message): Promise<void> {
  await sendNotice(args.client, routeFor(click, args.respond), message);
}

/** The click, checked; `undefined` (the clicker told, when we can) when it is not one of ours. */
export async function readClick(args: ButtonArgs, what: string): Promise<ButtonClick | undefined> {
  const click = readInput(ButtonClickInput, args.body, args.log, what);
  if (!click && args.respond) await respondBelow(args.respond, UNREADABLE_NOTICE);
  return click;
}

/** A value we do not recognise (an old message, a paper gone, a crafted payload): the clicker is told it expired. */
export async function tellExpired(args: ButtonArgs, click: ButtonClick): Promise<void> {
  args.log.warn({ value: click.actions[0]!.value.slice(0, 80) }, 'button value not recognised: told the user it expired');
  await tellClicker(args, click, EXPIRED_NOTICE);
}
