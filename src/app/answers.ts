import type { webApi } from '@slack/bolt';
import type { Logger } from '../logger.js';
import { homeView } from '../render/home.js';
import { noticeMessage } from '../render/help.js';
import type { Message } from '../render/message.js';
import type { Deps } from './deps.js';
import { CommandInput, DirectMessageInput, HomeOpenedInput, MentionInput, readInput } from './inputs.js';
import { UNREADABLE_NOTICE } from './notices.js';
import { post } from './origin.js';
import { cachedAnswerText } from './answer-cache.js';

const SEARCH_FAILED = noticeMessage(':warning: Something went wrong with that search. Please try again.', 'Something went wrong with that search.');

/**
 * The answer to `/paper <text>`, for the ack itself. Never throws: an ack must go out inside
 * Slack's 3 seconds whatever happens, so a failure becomes an apology (and a log line).
 */
export function answerCommand(command: unknown, deps: Deps, log: Logger): Message {
  const input = readInput(CommandInput, command, log, '/paper');
  if (!input) return UNREADABLE_NOTICE;
  try {
    return cachedAnswerText(input.text, deps, 'ephemeral');
  } catch (error) {
    log.error({ err: error, text: input.text.slice(0, 200) }, '/paper failed');
    return SEARCH_FAILED;
  }
}

/** `@Paperbot <words>`: the answer in the mention's thread. */
export async function answerMention(event: unknown, deps: Deps, client: webApi.WebClient, log: Logger): Promise<void> {
  const mention = readInput(MentionInput, event, log, 'mention');
  // Another bot quoting @Paperbot is not a question, and answering it could start a loop.
  if (!mention || mention.bot_id) return;
  await post(client, mention.channel, mention.thread_ts ?? mention.ts, cachedAnswerText(mention.text, deps, 'thread'));
  log.info('answered');
}

/**
 * A direct message to the bot: answered like a mention, in the thread. Edits, joins, bots
 * (ourselves included) and other subtypes are not questions.
 */
export async function answerDirectMessage(event: unknown, deps: Deps, client: webApi.WebClient, log: Logger, botUserId: string | undefined): Promise<void> {
  const dm = readInput(DirectMessageInput, event, log, 'direct message');
  if (!dm || dm.channel_type !== 'im' || dm.subtype !== undefined) return;
  if (dm.bot_id || !dm.user || dm.user === botUserId) return;
  await post(client, dm.channel, dm.thread_ts ?? dm.ts, cachedAnswerText(dm.text, deps, 'thread'));
  log.info('answered');
}

/** Someone opened Paperbot's Home tab: publish what it does, how to use it, and examples. */
export async function publishHome(event: unknown, deps: Deps, client: webApi.WebClient, log: Logger): Promise<void> {
  const opened = readInput(HomeOpenedInput, event, log, 'app_home_opened');
  if (opened?.tab !== 'home') return;
  await client.views.publish({ user_id: opened.user, view: homeView(deps.corpus) });
  log.info('published home');
}
