/**
 * The emoji short names a bot is likely to write. Slack knows thousands; an unknown name stays as
 * its `:name:` text, which is also how Slack shows a custom emoji it cannot find.
 */
const EMOJI: Record<string, string> = {
  '+1': '👍',
  thumbsup: '👍',
  '-1': '👎',
  thumbsdown: '👎',
  wave: '👋',
  tada: '🎉',
  eyes: '👀',
  mag: '🔍',
  mag_right: '🔎',
  books: '📚',
  book: '📖',
  bookmark: '🔖',
  page_facing_up: '📄',
  memo: '📝',
  pencil: '📝',
  link: '🔗',
  paperclip: '📎',
  pushpin: '📌',
  bulb: '💡',
  star: '⭐',
  sparkles: '✨',
  fire: '🔥',
  rocket: '🚀',
  robot_face: '🤖',
  thinking_face: '🤔',
  warning: '⚠️',
  x: '❌',
  white_check_mark: '✅',
  heavy_check_mark: '✔️',
  information_source: 'ℹ️',
  speech_balloon: '💬',
  thread: '🧵',
  hourglass: '⌛',
  hourglass_flowing_sand: '⏳',
  chart_with_upwards_trend: '📈',
  calendar: '📆',
  house: '🏠',
  computer: '💻',
  smile: '😄',
  slightly_smiling_face: '🙂',
};

/** The emoji for a short name without colons, or undefined when we don't know it. */
export function emojiFor(name: string): string | undefined {
  return Object.hasOwn(EMOJI, name) ? EMOJI[name] : undefined;
}

/** Replaces known `:name:` short names in plain text (used for plain_text with `emoji: true`). */
export function replaceEmoji(text: string): string {
  return text.replace(/:([a-z0-9_+-]+):/g, (whole, name: string) => emojiFor(name) ?? whole);
}
