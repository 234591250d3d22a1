import { SLACK_INPUT } from '../../src/config.js';

// C0 and C1 control characters, except tab and newline (which are just spacing in a query).
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// Bidirectional embeddings, overrides, isolates and marks: they can make an echoed query read
// backwards (a right-to-left override), and no search needs them.
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// A high surrogate with no low one after it, or a low one with no high one before it.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text a user typed, made safe to search and to echo back: cut to `max` characters first (so a
 * 100 kB paste costs no more than a word), control characters turned into spaces, bidi controls
 * dropped, lone surrogates replaced with U+FFFD (Slack rejects text that is not valid UTF-16).
 * Slack's own markup (`<@U…>`, `&lt;`) is left for `toPlainQuery`.
 *
 * @example cleanUserText('abc\u202Edef\u0000') // 'abcdef '
 */
export function cleanUserText(text: string, max: number = SLACK_INPUT.maxTextChars): string {
  let cut = text;
  if (text.length > max) {
    const end = text.charCodeAt(max - 1) >= 0xd800 && text.charCodeAt(max - 1) <= 0xdbff ? max - 1 : max;
    cut = text.slice(0, end);
  }
  return cut.replace(LONE_SURROGATE, '\ufffd').replace(CONTROL, ' ').replace(BIDI, '');
}
