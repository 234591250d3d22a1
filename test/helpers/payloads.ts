import * as slack from '../../src/slack-stand-in/payloads.js';
import type { SlackBody } from '../../src/slack-stand-in/payloads.js';
import { BLOCK_ACTIONS } from '../../src/slack-stand-in/slack-examples.js';
import { BOT } from './fake-slack.js';

/**
 * The shorthand the tests write requests in, over the Slack stand-in's builders
 * (src/slack-stand-in/payloads.ts), which know Slack's shapes: every field a test does not name is
 * as in Slack's own examples. Each returns the raw body and its content type, as Slack sends them.
 */
export type { SlackBody };
export { nextTs } from '../../src/slack-stand-in/ids.js';

export const slashCommand = (o: { text: string; responseUrl: string; channel?: string; user?: string; command?: string }): SlackBody =>
  slack.slashCommand({ ...o, command: o.command ?? '/paper' });

interface MessageOptions {
  channel?: string;
  ts?: string;
  threadTs?: string;
  user?: string;
  extra?: Record<string, unknown>;
}

/** An `app_mention`; the text starts with the bot's mention as Slack writes it. */
export const appMention = ({ words, ...o }: MessageOptions & { words: string }): SlackBody =>
  slack.appMention({ ...o, text: `<@${BOT.userId}> ${words}`.trimEnd() });

/** A `message.im` event: a direct message to the bot. `extra` adds subtype, bot_id, … */
export const directMessage = (o: MessageOptions & { text: string }): SlackBody => slack.directMessage(o);

/** A `message.channels` event: a message in a channel, a thread reply with `threadTs`. */
export const channelMessage = (o: MessageOptions & { text: string; eventId?: string }): SlackBody => slack.channelMessage(o);

/** A `link_shared` event: in a posted message, or with `composer` in the message box. */
export const linkShared = (o: slack.LinkSharedOptions): SlackBody => slack.linkShared(o);

export const appHomeOpened = (o: { user?: string; tab?: 'home' | 'messages' } = {}): SlackBody => slack.appHomeOpened(o);

/** Where the clicked button was: under `/paper` (ephemeral), on a message in a thread, or on the Home tab. */
export type Container =
  | { type: 'ephemeral'; channel: string; messageTs?: string }
  | { type: 'thread'; channel: string; ts: string; threadTs?: string }
  | { type: 'home' }
  | { type: 'unfurl'; channel: string; messageTs: string; threadTs?: string; url: string };

const HOME_VIEW = slack.homeView(slack.EXAMPLE_TEAM, 'V0HOME', []);

function clickedIn(c: Container, responseUrl: string | undefined): slack.ClickedIn {
  if (c.type === 'home') return { type: 'view', view: HOME_VIEW };
  if (c.type === 'unfurl') return { ...c, responseUrl };
  const ours = { bot: true, userId: BOT.userId };
  // An ephemeral message's ts is rarely known to a test: Slack's example has one, and a copy of the message.
  const message =
    c.type === 'ephemeral'
      ? { ...ours, ts: c.messageTs ?? BLOCK_ACTIONS.container.message_ts, ephemeral: true, withCopy: true }
      : { ...ours, ts: c.ts, threadTs: c.threadTs, ephemeral: false };
  return { type: 'message', channel: c.channel, message, responseUrl };
}

/** A `block_actions` click on one of our buttons. */
export function blockAction(o: { actionId: string; value: string; blockId?: string; container: Container; responseUrl?: string; user?: string }): SlackBody {
  const element = { type: 'button', action_id: o.actionId, value: o.value, text: { type: 'plain_text', text: 'Button', emoji: true } };
  return slack.blockActions({ user: o.user, element, blockId: o.blockId ?? 'b0', where: clickedIn(o.container, o.responseUrl) });
}

/** The "Find papers" message shortcut on a message. */
export const messageShortcut = (o: { text: string; responseUrl: string; channel?: string; ts?: string; threadTs?: string; callbackId?: string }): SlackBody =>
  slack.messageShortcut({
    callbackId: o.callbackId ?? 'find_papers',
    responseUrl: o.responseUrl,
    channel: o.channel,
    message: { text: o.text, ts: o.ts, threadTs: o.threadTs },
  });

export const urlVerification = (): SlackBody => slack.urlVerification();
