import { z } from 'zod';
import { BLOCK_KIT, SLACK_INPUT, SLACK_UNFURLS } from '../../src/config.js';
import type { Logger } from '../../src/logger.js';
import { cleanUserText } from './user-text.js';

/**
 * What each handler reads from a payload, checked before it is used: Slack's types say what
 * Slack sends, not what arrives. Free text is cleaned on the way in (user-text.ts); anything
 * else of the wrong shape makes the handler answer politely and stop.
 */

const slackId = z.string().min(1).max(SLACK_INPUT.maxIdChars);
const ts = z.string().regex(/^\d{1,12}(\.\d{1,9})?$/, 'not a Slack timestamp');
const userText = z.string().transform((text) => cleanUserText(text));
/** Absent, or null as Slack sometimes writes it: `undefined` either way. */
const maybe = <T extends z.ZodType>(schema: T) => schema.nullish().transform((value) => value ?? undefined);

export const CommandInput = z.object({
  text: maybe(userText).transform((text) => text ?? ''),
  user_id: slackId,
  channel_id: slackId,
});

export const MentionInput = z.object({
  text: maybe(userText).transform((text) => text ?? ''),
  bot_id: maybe(z.string()),
  user: maybe(slackId),
  channel: slackId,
  ts,
  thread_ts: maybe(ts),
});

export const DirectMessageInput = z.object({
  channel_type: maybe(z.string()),
  subtype: maybe(z.string()),
  bot_id: maybe(z.string()),
  user: maybe(slackId),
  text: maybe(userText).transform((text) => text ?? ''),
  channel: slackId,
  ts,
  thread_ts: maybe(ts),
});

/** A message in a channel or private channel (`message.channels`, `message.groups`): only thread replies are read. */
export const ThreadReplyInput = z.object({
  subtype: maybe(z.string()),
  bot_id: maybe(z.string()),
  channel: slackId,
  ts,
  thread_ts: maybe(ts),
});

export const HomeOpenedInput = z.object({ tab: maybe(z.string()), user: slackId });

/** `tokens_revoked`: the ids whose tokens went, bot user ids under `bot`, user ids under `oauth`. */
export const TokensRevokedInput = z.object({
  tokens: z.object({ bot: maybe(z.array(slackId).max(1_000)), oauth: maybe(z.array(slackId).max(1_000)) }),
});

/** One link of a `link_shared` event: anything but a `{ url }` of sane length is dropped, not fatal. */
const sharedLink = z.object({ url: z.string().min(1).max(SLACK_UNFURLS.maxUrlChars) });

/**
 * `link_shared`: links to our unfurl domains in a posted message (`channel` + `message_ts`) or in
 * the message composer (`unfurl_id` + `source: 'composer'`, the channel `COMPOSER` under `channel`
 * or, as the docs have it, `channel_id`). NOTE: links of the wrong shape are dropped one by one,
 * so one bad link does not cost the preview of the others.
 */
export const LinkSharedInput = z.object({
  user: maybe(slackId),
  channel: maybe(slackId),
  channel_id: maybe(slackId),
  message_ts: maybe(z.string().min(1).max(SLACK_INPUT.maxIdChars)),
  unfurl_id: maybe(z.string().min(1).max(SLACK_INPUT.maxIdChars)),
  source: maybe(z.string().max(64)),
  links: z.array(z.unknown()).transform((links) =>
    links.flatMap((link) => {
      const parsed = sharedLink.safeParse(link);
      return parsed.success ? [parsed.data.url] : [];
    }),
  ),
});
export type LinkShared = z.output<typeof LinkSharedInput>;

/** A click on one of our buttons, in any of the places they appear (ephemeral results, a thread, the Home tab). */
export const ButtonClickInput = z.object({
  user: z.object({ id: slackId }),
  actions: z.array(z.object({ action_id: slackId, value: z.string().max(BLOCK_KIT.buttonValue), block_id: maybe(z.string().max(BLOCK_KIT.id)) })).min(1),
  container: z.object({
    type: z.string().max(64),
    is_ephemeral: maybe(z.boolean()),
    channel_id: maybe(slackId),
    message_ts: maybe(ts),
    thread_ts: maybe(ts),
    view_id: maybe(slackId),
    /** A button in one of our link previews (container type `message_attachment`). */
    is_app_unfurl: maybe(z.boolean()),
  }),
  channel: maybe(z.object({ id: slackId })),
  message: maybe(z.object({ ts: maybe(ts), thread_ts: maybe(ts) })),
  response_url: maybe(z.url({ protocol: /^https?$/ })),
});
export type ButtonClick = z.output<typeof ButtonClickInput>;

/** A pick in the channel picker Share offers in a DM (render/share.ts): the menu carries no value, its block names the paper. */
export const ChannelPickInput = z.object({
  user: z.object({ id: slackId }),
  actions: z
    .array(
      z.object({ action_id: slackId, block_id: maybe(z.string().max(BLOCK_KIT.id)), selected_conversation: maybe(slackId), selected_channel: maybe(slackId) }),
    )
    .min(1),
  container: z.object({ message_ts: maybe(ts) }),
  response_url: maybe(z.url({ protocol: /^https?$/ })),
});
export type ChannelPick = z.output<typeof ChannelPickInput>;

export const MessageShortcutInput = z.object({
  channel: z.object({ id: slackId }),
  message: z.object({ text: maybe(userText).transform((text) => text ?? ''), ts, thread_ts: maybe(ts) }),
  response_url: maybe(z.url({ protocol: /^https?$/ })),
});
export type MessageShortcutClick = z.output<typeof MessageShortcutInput>;

/**
 * `value` checked against `schema`: the parsed result, or `undefined` (logged with what was
 * wrong, never the value itself).
 *
 * @example const input = readInput(CommandInput, command, log, '/paper'); if (!input) return;
 */
export function readInput<T extends z.ZodType>(schema: T, value: unknown, log: Logger, what: string): z.output<T> | undefined {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  log.warn({ problems: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`) }, `${what}: payload not as expected`);
  return undefined;
}
