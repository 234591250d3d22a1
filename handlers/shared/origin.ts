import type { ButtonClick } from './inputs.js';

/**
 * Where a button was clicked, which decides how we answer: through `response_url` under the
 * asker's ephemeral results, in the thread the results were posted in, or (from the App Home
 * tab) in the user's DM with the app.
 */
export type Origin =
  | { surface: 'ephemeral'; channel: string | undefined }
  | { surface: 'thread'; channel: string; threadTs: string }
  | { surface: 'home'; user: string };

export function originOf(click: ButtonClick): Origin {
  const { container } = click;
  if (container.type === 'view') return { surface: 'home', user: click.user.id };
  const channel = container.channel_id ?? click.channel?.id;
  if (container.is_ephemeral || !channel) return { surface: 'ephemeral', channel };
  const threadTs = click.message?.thread_ts ?? container.thread_ts ?? click.message?.ts ?? container.message_ts;
  return threadTs ? { surface: 'thread', channel, threadTs } : { surface: 'ephemeral', channel };
}
