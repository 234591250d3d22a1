import { createRequire } from 'node:module';

/**
 * Slack's emoji short names and the emoji each stands for, for the page to draw `:game_die:` as
 * Slack does. From emoji-datasource (iamcal/emoji-data), the data set Slack's own names come
 * from: every name of every emoji, and `name::skin-tone-N` for the skin-tone variants Slack
 * writes as `:wave::skin-tone-3:`. A name missing from it stays as its `:name:` text in the page,
 * as Slack shows a custom emoji it cannot find.
 */

/** The package the table comes from, and how to get it. */
export const EMOJI_PACKAGE = 'emoji-datasource';
export const EMOJI_INSTALL = 'npm install emoji-datasource@^16.0.0';

interface EmojiEntry {
  unified: string;
  short_names: string[];
  skin_variations?: Record<string, { unified: string }>;
}

// The modifier codepoints emoji-data keys skin variations by, and the names Slack gives them.
const SKIN_TONES: Readonly<Record<string, string>> = {
  '1F3FB': 'skin-tone-2',
  '1F3FC': 'skin-tone-3',
  '1F3FD': 'skin-tone-4',
  '1F3FE': 'skin-tone-5',
  '1F3FF': 'skin-tone-6',
};

/** `"1F44B-1F3FD"` → 👋🏽 */
const fromUnified = (unified: string): string => String.fromCodePoint(...unified.split('-').map((hex) => Number.parseInt(hex, 16)));

const isEntry = (value: unknown): value is EmojiEntry =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as EmojiEntry).unified === 'string' &&
  Array.isArray((value as EmojiEntry).short_names) &&
  (value as EmojiEntry).short_names.every((n) => typeof n === 'string');

/** The table built from emoji-datasource's `emoji.json` entries. */
export function emojiNamesFrom(entries: readonly unknown[]): Record<string, string> {
  const names: Record<string, string> = Object.create(null);
  for (const entry of entries) {
    if (!isEntry(entry)) continue;
    const emoji = fromUnified(entry.unified);
    for (const name of entry.short_names) {
      names[name] = emoji;
      for (const [tones, variation] of Object.entries(entry.skin_variations ?? {})) {
        const tone = Object.hasOwn(SKIN_TONES, tones) ? SKIN_TONES[tones] : undefined;
        if (tone && typeof variation?.unified === 'string') names[`${name}::${tone}`] = fromUnified(variation.unified);
      }
    }
  }
  return { ...names };
}

let cached: Record<string, string> | undefined;

/**
 * Slack's emoji names, read once from the installed emoji-datasource.
 *
 * @throws Error naming the install command when the package is not installed.
 * @example loadEmojiNames()['game_die'] // '🎲'
 */
export function loadEmojiNames(): Record<string, string> {
  if (cached) return cached;
  let entries: unknown;
  try {
    entries = createRequire(import.meta.url)(`${EMOJI_PACKAGE}/emoji.json`);
  } catch (error) {
    throw new Error(`The playground draws emoji from the ${EMOJI_PACKAGE} package, which is not installed: run \`${EMOJI_INSTALL}\``, { cause: error });
  }
  if (!Array.isArray(entries)) throw new Error(`${EMOJI_PACKAGE}/emoji.json is not the list of emoji it used to be: check its version`);
  cached = emojiNamesFrom(entries);
  return cached;
}
