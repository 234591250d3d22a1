import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIGESTS } from '../../src/config.js';
import { DigestRunner } from '../../src/digests/digest-runner.js';
import { DigestScheduler } from '../../src/digests/digest-scheduler.js';
import { webApiDigestPoster } from '../../src/slack/outbound/post-digest.js';
import { EXAMPLE_TEAM } from '../../src/slack-stand-in/payloads.js';
import { channelWatches } from '../../src/store/watches.js';
import { cardsIn, textOf, unescapeMrkdwn } from '../helpers/blocks.js';
import { blockAction, slashCommand } from '../helpers/payloads.js';
import { startPaperbot, type Paperbot } from '../helpers/paperbot.js';
import { ids, sourced } from '../store/fixtures.js';

/**
 * Watches and digests end to end: `/paper watch` through the real Bolt receiver, the real
 * library on a SQLite file, papers stored as a source stores them, and digests posted by the
 * real runner through the app's Web API client to the Slack stand-in.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WS = { teamId: EXAMPLE_TEAM.teamId, enterpriseId: null };
const SCHEDULE = { hour: 9, timeZone: 'UTC' };

let bot: Paperbot;
let runner: DigestRunner;
/** Where this file's clock starts: the bundled papers were first stored about now. */
const start = Date.now();
/** Days after `start`, at a fixed hour, so every test has a quiet stretch of its own. */
let day = 2;
const later = (days: number, hours = 0) => new Date(start + days * DAY + hours * HOUR);

beforeAll(async () => {
  bot = await startPaperbot();
  runner = new DigestRunner({ library: bot.library.library, poster: webApiDigestPoster(() => bot.app.client), schedule: SCHEDULE, logger: bot.logger });
});
afterAll(() => bot.close());
beforeEach(() => {
  bot.fake.reset();
  day += 10;
});

async function command(text: string, channel: string) {
  const res = await bot.send(slashCommand({ text, responseUrl: bot.fake.responseUrl(), channel }));
  expect(res.status).toBe(200);
  return res.json as { text: string; blocks: unknown[] };
}

/** Stores papers as a source would, first seen at `at`. */
async function store(at: Date, ...papers: { id: string; title: string; abstract?: string; version?: number }[]) {
  await bot.library.library.add(
    papers.map(({ id, title, abstract, version }) =>
      sourced(id, { title, abstract: abstract ?? `We study ${title.toLowerCase()}.`, rawAbstract: abstract ?? title, extras: version ? { version } : {} }),
    ),
    at,
  );
}

const posts = () => bot.fake.api('chat.postMessage');

describe('/paper watch, watches, unwatch', () => {
  it('sets a watch for the channel, lists it, and removes it only from its own channel', async () => {
    const channel = 'C0WATCH01';
    const set = await command('watch "long context" -survey weekly', channel);
    expect(unescapeMrkdwn(textOf(set))).toContain('Watching “"long context" -survey” in this channel');
    expect(textOf(set)).toContain('every Monday at 09:00 (UTC)');
    const again = await command('watch "Long  context" -survey', channel);
    expect(textOf(again)).toContain('Changed watch 1');
    expect(textOf(again)).toContain('every day at 09:00');
    await command('watch author:hinton', channel);

    const list = textOf(await command('watches', channel));
    expect(list).toMatch(/\*1\.\* “"long context" -survey” · daily · set by <@\w+> · no digest yet/);
    expect(list).toMatch(/\*2\.\* “author:hinton” · daily/);
    expect(textOf(await command('watches', 'C0ELSEWHERE'))).toContain('No watches in this channel yet');

    expect(textOf(await command('unwatch 2', 'C0ELSEWHERE'))).toContain('There is no watch 2 in this channel');
    expect(textOf(await command('unwatch 2', channel))).toContain('Stopped watch 2, “author:hinton”');
    expect(textOf(await command('unwatch two', channel))).toContain('There is no watch two in this channel');
    expect((await channelWatches(bot.library.library.store, WS, channel)).map((w) => w.query)).toEqual(['"long context" -survey']);
  });

  it('answers an empty, a hopeless, a 10,000-character or a hostile query with why, and makes no watch', async () => {
    const channel = 'C0WATCH02';
    expect(unescapeMrkdwn(textOf(await command('watch', channel)))).toContain('/paper watch <query> [daily|weekly]');
    expect(unescapeMrkdwn(textOf(await command('watch   weekly', channel)))).toContain('/paper watch <query> [daily|weekly]');
    expect(textOf(await command('watch -survey -"instruction tuning"', channel))).toContain('has nothing to look for');
    expect(textOf(await command('watch ?!… ---', channel))).toContain('has nothing to look for');
    expect(textOf(await command(`watch ${'transformers '.repeat(300)}`, channel))).toMatch(
      /That watch query is 3,\d{3} characters long; a watch takes at most 300/,
    );
    const hostile = await command('watch <!channel> <script>alert(1)</script> & friends', channel);
    expect(textOf(hostile)).not.toMatch(/<!channel>|<script>/);
    expect(bot.fake.problems).toEqual([]);
    const stored = await channelWatches(bot.library.library.store, WS, channel);
    expect(stored).toHaveLength(1);
  });
});

describe('digests', () => {
  it('posts the new papers that match, best first, with Share and Save and link previews off; once per period', async () => {
    const channel = 'C0DIGEST1';
    await command('watch quokka navigation', channel);
    const fresh = ids(5, 70_000 + day);
    const [a, b, c, d] = fresh;
    const e = fresh[4]!;
    await store(later(day - 3), { id: a, title: 'Quokka navigation in old papers' });
    await runner.runNow(later(day - 3, 1)); // the first digest
    expect(cardsIn(posts()[0]!.params).map((card) => card.id)).toEqual([a]);
    bot.fake.reset();
    await store(later(day), { id: b, title: 'Quokka navigation with landmarks' }, { id: c, title: 'A survey of wombat burrows' });
    // Matches one word of two: below the relevance floor.
    await store(later(day, 1), { id: d, title: 'Quokka foraging' }, { id: e, title: 'Navigating quokkas: a field study' });

    const report = await runner.runNow(later(day, 2));
    expect(report).toMatchObject({ posted: 1, failed: 0 });
    const [post] = posts();
    expect(post!.params).toMatchObject({ channel, unfurl_links: 'false', unfurl_media: 'false' });
    expect(post!.params.text).toMatch(/^Daily digest for “quokka navigation”: 2 new papers/);
    expect(textOf(post!.params)).toContain('Daily digest for “quokka navigation”');
    const cards = cardsIn(post!.params);
    expect(cards.map((card) => card.id).sort()).toEqual([b, e].sort());
    expect(cards.every((card) => card.buttons.join() === 'paper_share,paper_save')).toBe(true);
    expect(bot.fake.problems).toEqual([]);

    // Share on a digest card posts the paper's card to the channel, as from a link preview.
    const ts = post!.response!.ts as string;
    bot.fake.reset();
    await bot.send(
      blockAction({
        actionId: 'paper_share',
        value: b,
        blockId: cards[0]!.blockId as string,
        container: { type: 'thread', channel, ts },
        responseUrl: bot.fake.responseUrl(),
      }),
    );
    const [shared] = posts();
    expect(shared!.params.channel).toBe(channel);
    expect(shared!.params.thread_ts).toBeUndefined();

    bot.fake.reset();
    expect(await runner.runNow(later(day, 3))).toMatchObject({ posted: 0, skipped: expect.any(Number) });
    expect(posts()).toEqual([]);
    const [listed] = await channelWatches(bot.library.library.store, WS, channel);
    expect(listed!.lastDigest).toEqual({ at: expect.any(String), papers: 2 });
  });

  it('lists at most ten and counts the rest; nothing new posts nothing', async () => {
    const channel = 'C0DIGEST2';
    await command('watch platypus electroreception', channel);
    const many = ids(13, 80_000 + day).map((id, i) => ({ id, title: `Platypus electroreception study ${i + 1}` }));
    await store(later(day), ...many);
    await runner.runNow(later(day, 1));
    const [post] = posts();
    expect(cardsIn(post!.params)).toHaveLength(DIGESTS.maxPapers);
    expect(textOf(post!.params)).toContain('…and 3 more new papers match: `/paper platypus electroreception` lists them all.');
    expect(post!.params.blocks.length).toBeLessThanOrEqual(50);
    expect(bot.fake.problems).toEqual([]);

    // The next day: nothing new stored, so nothing posted (the period is recorded as empty).
    bot.fake.reset();
    const next = await runner.runNow(later(day + 1, 1));
    expect(next).toMatchObject({ posted: 0 });
    expect(posts()).toEqual([]);
  });

  it('counts a paper once however many versions arrive, and an old paper’s new version is not new', async () => {
    const channel = 'C0DIGEST3';
    await command('watch echidna spines', channel);
    const [old, fresh] = ids(2, 90_000 + day);
    await store(later(day - 5), { id: old, title: 'Echidna spines, first look' });
    await runner.runNow(later(day - 5, 1)); // the first digest: the old paper
    bot.fake.reset();
    await store(later(day), { id: fresh, title: 'Echidna spines under load' });
    await store(
      later(day, 1),
      { id: fresh, title: 'Echidna spines under load (revised)', version: 2 },
      { id: old, title: 'Echidna spines, second look', version: 2 },
    );
    await runner.runNow(later(day, 2));
    const [post] = posts();
    expect(cardsIn(post!.params).map((card) => card.id)).toEqual([fresh]);
    expect(textOf(post!.params)).toContain('(revised)');
  });

  it('pauses a watch whose channel it cannot post in, once, lists it as paused, and resumes when it is set again', async () => {
    const channel = 'C0DIGEST4';
    await command('watch numbat termites', channel);
    const [first, second] = ids(2, 95_000 + day);
    await store(later(day), { id: first, title: 'Numbat termites at dawn' });
    bot.fake.failNext('chat.postMessage', 'not_in_channel');
    expect(await runner.runNow(later(day, 1))).toMatchObject({ posted: 0, paused: 1 });
    const warned = bot.logs.filter((l) => /watch 1 paused/.test(l.msg ?? ''));
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatchObject({ level: 40, error: 'not_in_channel', channel });

    // Paused: the next periods try nothing.
    bot.fake.reset();
    expect(await runner.runNow(later(day + 1, 1))).toMatchObject({ posted: 0, paused: 0 });
    expect(posts()).toEqual([]);
    expect(textOf(await command('watches', channel))).toMatch(
      /paused\* since .*: Paperbot is not in this channel\. Invite Paperbot back, then `\/paper watch numbat termites daily` resumes it/,
    );

    // Set again: resumed, and the papers of the failed period are not lost.
    expect(textOf(await command('watch numbat termites', channel))).toContain('Resumed watch 1');
    await store(later(day + 2), { id: second, title: 'Numbat termites at dusk' });
    bot.fake.reset();
    await runner.runNow(later(day + 2, 1));
    expect(cardsIn(posts()[0]!.params).map((card) => card.id)).toEqual([first, second]);
  });

  it('never lists a paper that matches only part of the query, even when nothing in the library matches it all', async () => {
    const channel = 'C0DIGEST7';
    await command('watch kookaburra laughter', channel);
    const [half, other] = ids(2, 99_700 + day);
    await store(later(day), { id: half, title: 'Laughter in meeting rooms' }, { id: other, title: 'Kookaburras of Queensland' });
    expect(await runner.runNow(later(day, 1))).toMatchObject({ posted: 0 });
    expect(posts().filter((p) => p.params.channel === channel)).toEqual([]);
  });

  it('pauses the watches of a workspace whose token was revoked, and says why', async () => {
    const channel = 'C0DIGEST8';
    await command('watch cassowary casques', channel);
    const [x] = ids(1, 99_800 + day);
    await store(later(day), { id: x, title: 'Cassowary casques and heat' });
    bot.fake.failNext('chat.postMessage', 'token_revoked');
    expect(await runner.runNow(later(day, 1))).toMatchObject({ paused: 1 });
    expect(textOf(await command('watches', channel))).toContain('Paperbot is no longer installed in this workspace');
  });

  it('the scheduler posts a watch first at the digest hour after it was set, and a period missed while down once', async () => {
    const channel = 'C0DIGEST5';
    await command('watch bilby burrows weekly', channel);
    const [x] = ids(1, 99_000 + day);
    // Just set: no weekly period has been due since, so nothing goes out now.
    expect((await runner.runDue(new Date(Date.now() + 1000))).posted).toBe(0);
    await store(later(day), { id: x, title: 'Bilby burrows in the desert' });
    // Back after three weeks away: one digest, not three.
    bot.fake.reset();
    const back = later(day + 21);
    await runner.runDue(back);
    await runner.runDue(new Date(back.getTime() + HOUR));
    expect(posts().filter((p) => p.params.channel === channel)).toHaveLength(1);
    expect(posts()[0]!.params.text).toMatch(/^Weekly digest for “bilby burrows”/);
  });

  it('the scheduler looks at start (a missed period goes out then), then on the hour in the digest time zone', async () => {
    const channel = 'C0DIGEST6';
    await command('watch dingo howling', channel);
    const [x] = ids(1, 99_500 + day);
    await store(later(day), { id: x, title: 'Dingo howling at night' });
    const back = later(day + 2, 5);
    const scheduled = new DigestRunner({
      library: bot.library.library,
      poster: webApiDigestPoster(() => bot.app.client),
      schedule: SCHEDULE,
      logger: bot.logger,
      now: () => back,
    });
    const scheduler = new DigestScheduler(scheduled, { hour: 9, timeZone: 'Asia/Tokyo' }, bot.logger);
    const first = await scheduler.start();
    await scheduler.stop();
    expect(first?.posted).toBeGreaterThanOrEqual(1);
    expect(posts().filter((p) => p.params.channel === channel)).toHaveLength(1);
    const started = bot.logs.find((l) => l.msg === 'digest scheduler started');
    // The next look is on the hour.
    expect(started).toMatchObject({ timeZone: 'Asia/Tokyo', next: expect.stringMatching(/T\d\d:00:00\.000Z$/) });
  });
});
