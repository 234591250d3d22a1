/**
 * Emoji short names, as Slack draws them. The table is Slack's own set of names (from the
 * emoji-datasource package, served by the playground as `/emoji.json`, see
 * src/playground/emoji-names.ts), loaded once when the page starts. An unknown name stays as its
 * `:name:` text, which is also how Slack shows a custom emoji it cannot find.
 */

let names: ReadonlyMap<string, string> = new Map();

/** Takes the table of names (`{ game_die: '🎲', 'wave::skin-tone-3': '👋🏽', … }`). */
export function setEmojiNames(table: Readonly<Record<string, unknown>>): void {
  names = new Map(Object.entries(table).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/**
 * Loads the table from the playground server; without it (a static copy of the page, a server
 * that has none) emoji stay as their names.
 */
export async function loadEmojiNames(fetchFn: typeof fetch = (input, init) => fetch(input, init), url = 'emoji.json'): Promise<boolean> {
  try {
    const response = await fetchFn(url);
    if (!response.ok) return false;
    const table: unknown = await response.json();
    if (typeof table !== 'object' || table === null || Array.isArray(table)) return false;
    setEmojiNames(table as Record<string, unknown>);
    return names.size > 0;
  } catch {
    return false;
  }
}

/** The emoji for a short name without colons (and a skin tone, `skin-tone-2` … `skin-tone-6`), or undefined when we don't know it. */
export function emojiFor(name: string, skinTone?: string): string | undefined {
  return (skinTone ? names.get(`${name}::${skinTone}`) : undefined) ?? names.get(name);
}

/** Slack's `:name:` and `:name::skin-tone-N:`. */
export const EMOJI_CODE = /:([a-z0-9_+-]+):(?::(skin-tone-[2-6]):)?/g;

/** Replaces known `:name:` short names in plain text (used for plain_text with `emoji: true`). */
export function replaceEmoji(text: string): string {
  return text.replace(EMOJI_CODE, (whole, name: string, tone: string | undefined) => emojiFor(name, tone) ?? whole);
}
