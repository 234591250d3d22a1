import { beforeAll, describe, expect, it } from 'vitest';
import { emojiNamesFrom, loadEmojiNames as readTable } from '../../../src/playground/emoji-names.js';
import { emojiFor, loadEmojiNames, replaceEmoji, setEmojiNames } from '../../../src/playground/web/emoji.js';
import { mrkdwnToHtml } from '../../../src/playground/web/mrkdwn.js';
import { visibleText } from './html-helpers.js';

/** Slack's emoji names, from the emoji-datasource package, as the playground serves them to the page. */

const table = readTable();
beforeAll(() => setEmojiNames(table));

describe("the page's emoji table", () => {
  it('is Slack’s whole set of names, not a hand list: the die /paper random shows, and thousands more', () => {
    expect(Object.keys(table).length).toBeGreaterThan(2_000);
    expect(table['game_die']).toBe('🎲');
    expect(table['+1']).toBe('👍');
    expect(table['thumbsup']).toBe('👍');
    expect(table['card_index_dividers']).toBe('🗂️');
    expect(table['grey_question']).toBe('❔');
    expect(table['100']).toBe('💯');
  });

  it('has the skin-tone variants Slack writes as :name::skin-tone-N:', () => {
    expect(table['wave::skin-tone-3']).toBe('👋🏼');
    expect(visibleText(mrkdwnToHtml('hi :wave::skin-tone-3: and :wave:'))).toBe('hi 👋🏼 and 👋');
    expect(replaceEmoji(':game_die: A random paper')).toBe('🎲 A random paper');
  });

  it('keeps only well-formed entries', () => {
    expect(emojiNamesFrom([{ unified: '1F3B2', short_names: ['game_die'] }, { short_names: ['x'] }, null, 'junk'])).toEqual({ game_die: '🎲' });
  });
});

describe('loading the table in the page', () => {
  const answer = (body: unknown, status = 200) => (async () => new Response(JSON.stringify(body), { status })) as typeof fetch;

  it('takes the table the server sends', async () => {
    expect(await loadEmojiNames(answer({ game_die: '🎲' }))).toBe(true);
    expect(emojiFor('game_die')).toBe('🎲');
    expect(emojiFor('books')).toBeUndefined();
    setEmojiNames(table);
  });

  it('without one (a static copy, a server without the package) leaves names as typed, and says so', async () => {
    for (const fetchFn of [answer({}, 404), answer(['not', 'a', 'table']), (async () => Promise.reject(new TypeError('offline'))) as typeof fetch]) {
      setEmojiNames({});
      expect(await loadEmojiNames(fetchFn)).toBe(false);
      expect(replaceEmoji(':game_die:')).toBe(':game_die:');
    }
    setEmojiNames(table);
  });
});
