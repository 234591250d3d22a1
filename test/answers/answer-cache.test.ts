import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LruCache } from '../../src/answers/answer-cache.js';
import { appMention, slashCommand } from '../helpers/payloads.js';
import { startPaperbot, type Paperbot } from '../helpers/paperbot.js';

let bot: Paperbot;
const searched: string[] = [];
let draws = 0;
beforeAll(async () => {
  bot = await startPaperbot({
    random: () => (draws++ % 2) / 2,
    search: (real) => ({
      size: real.size,
      get: (ref) => real.get(ref),
      all: () => real.all(),
      upsert: (papers) => real.upsert(papers),
      similar: (id, limit) => real.similar(id, limit),
      search: (query, options) => {
        searched.push(query);
        return real.search(query, options);
      },
    }),
  });
});
afterAll(() => bot.close());
afterEach(() => expect(bot.fake.drain()).toEqual([]));

const command = (text: string) => bot.send(slashCommand({ text, responseUrl: bot.fake.responseUrl() }));

describe('answers are rendered once per text and surface', () => {
  it('the same /paper query is searched once and answered the same', async () => {
    searched.length = 0;
    const first = await command('speech recognition cache');
    const second = await command('speech recognition cache');
    expect(second.json).toEqual(first.json);
    expect(searched).toEqual(['speech recognition cache']);
  });

  it('a thread answer is not an ephemeral one: the surface is part of the key', async () => {
    searched.length = 0;
    await command('diffusion cache');
    await bot.send(appMention({ words: 'diffusion cache' }));
    await bot.send(appMention({ words: 'diffusion cache' }));
    expect(searched).toEqual(['diffusion cache', 'diffusion cache']);
  });

  it('/paper random is drawn afresh every time', async () => {
    draws = 0;
    const first = await command('random');
    const second = await command('random');
    expect(draws).toBe(2);
    expect(second.json).not.toEqual(first.json);
  });
});

describe('the cache', () => {
  it('keeps at most its size, dropping the least recently used first', () => {
    const cache = new LruCache<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c'), cache.size]).toEqual([1, undefined, 3, 2]);
  });
});
