import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RESULTS } from '../../../src/config.js';
import { buttonsIn, cardsIn, textOf, unescapeMrkdwn } from '../../helpers/blocks.js';
import { blockAction, slashCommand } from '../../helpers/payloads.js';
import { startPaperbot, type Paperbot } from '../../helpers/paperbot.js';

let bot: Paperbot;
beforeAll(async () => {
  bot = await startPaperbot({ random: () => 0 });
});
afterAll(() => bot.close());
afterEach(() => expect(bot.fake.drain()).toEqual([]));

const CHANNEL = 'C2147483705';
const paper = (text: string) => bot.send(slashCommand({ text, responseUrl: bot.fake.responseUrl('cmd'), channel: CHANNEL }));
const search = () => bot.deps.search;

describe('/paper <query>', () => {
  it('answers in the ack itself, ephemeral, with the first page of PaperSearch results and no other Slack call', async () => {
    const res = await paper('diffusion');
    expect(res.status).toBe(200);
    expect(res.json.response_type).toBe('ephemeral');
    expect(bot.fake.calls).toEqual([]);

    const expected = search().search('diffusion', { limit: RESULTS.commandPageSize });
    expect(expected.hits.length).toBeGreaterThan(0);
    const cards = cardsIn(res.json);
    expect(cards.map((c) => c.id)).toEqual(expected.hits.map((h) => h.paper.id));
    expect(cards.length).toBeLessThanOrEqual(5);
    for (const card of cards) expect(card.buttons).toEqual(['paper_share', 'paper_save', 'paper_abstract', 'paper_similar']);
    expect(res.json.text).toContain(expected.hits[0]!.paper.title.slice(0, 40));
  });

  it('shows each result as a linked title, its TL;DR, arXiv id, month, first authors and links', async () => {
    const res = await paper('diffusion');
    const first = search().search('diffusion', { limit: 1 }).hits[0]!.paper;
    const text = unescapeMrkdwn(textOf(res.json));
    expect(text).toContain(`<${first.links.abs}|${first.title.slice(0, 30)}`);
    expect(text).toContain(first.tldr.slice(0, 60));
    expect(text).toContain(`arXiv:${first.arxivId}`);
    expect(text).toMatch(/(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) 20\d\d/);
    expect(text).toContain(first.authors[0]!);
    if (first.authors.length > 3) expect(text).toContain('et al.');
    expect(text).toContain(`<${first.links.pdf}|PDF>`);
  });

  it('pages on with More results, replacing the ephemeral message through response_url', async () => {
    const query = 'model';
    const total = search().search(query).total;
    expect(total).toBeGreaterThan(RESULTS.commandPageSize);
    const res = await paper(query);
    const more = buttonsIn(res.json).find((b) => b.action_id === 'results_more');
    expect(more).toBeDefined();

    await bot.send(
      blockAction({
        actionId: more!.action_id,
        value: more!.value,
        container: { type: 'ephemeral', channel: CHANNEL },
        responseUrl: bot.fake.responseUrl('more'),
      }),
    );
    const [update] = bot.fake.responses('more');
    expect(update!.params.replace_original).toBe(true);
    const expected = search().search(query, { limit: RESULTS.commandPageSize, offset: RESULTS.commandPageSize });
    expect(cardsIn(update!.params).map((c) => c.id)).toEqual(expected.hits.map((h) => h.paper.id));
    expect(textOf(update!.params)).toContain(`6–${5 + expected.hits.length} of ${total}`);
  });

  it('/paper alone and /paper help explain usage and the query syntax, with example buttons', async () => {
    for (const text of ['', 'help']) {
      const res = await paper(text);
      const help = textOf(res.json);
      for (const syntax of ['"quoted phrase"', '-word', 'author:', 'year:2024', 'has:code', 'arXiv', '/paper random', '/paper similar']) {
        expect(unescapeMrkdwn(help)).toContain(syntax);
      }
      const examples = buttonsIn(res.json).filter((b) => b.action_id.startsWith('results_suggestion'));
      expect(examples.map((b) => b.text.text)).toEqual([...RESULTS.exampleQueries]);
    }
  });

  it('an example button from the help replaces it with that search', async () => {
    const res = await paper('help');
    const example = buttonsIn(res.json).find((b) => b.action_id.startsWith('results_suggestion'))!;
    await bot.send(
      blockAction({
        actionId: example.action_id,
        value: example.value,
        container: { type: 'ephemeral', channel: CHANNEL },
        responseUrl: bot.fake.responseUrl('ex'),
      }),
    );
    const [update] = bot.fake.responses('ex');
    expect(update!.params.replace_original).toBe(true);
    const expected = search().search(RESULTS.exampleQueries[0], { limit: RESULTS.commandPageSize });
    expect(expected.hits.length).toBeGreaterThan(0);
    expect(cardsIn(update!.params).map((c) => c.id)).toEqual(expected.hits.map((h) => h.paper.id));
  });

  it('/paper random shows one paper, chosen by the random source', async () => {
    const res = await paper('random');
    expect(cardsIn(res.json).map((c) => c.id)).toEqual([search().all()[0]!.id]);
  });

  it('/paper <arXiv id> and /paper <arXiv URL> show that paper', async () => {
    const target = search()
      .all()
      .find((p) => p.arxivId && p.arxivId !== search().all()[0]!.arxivId)!;
    for (const ref of [target.arxivId!, `https://arxiv.org/abs/${target.arxivId}v2`, `<https://arxiv.org/abs/${target.arxivId}>`]) {
      const res = await paper(ref);
      expect(cardsIn(res.json).map((c) => c.id)).toEqual([target.id]);
    }
  });

  it('/paper similar <id> lists PaperSearch.similar; /paper similar <words> starts from the best match', async () => {
    const target = search().all()[3]!;
    const res = await paper(`similar ${target.id}`);
    expect(textOf(res.json)).toContain('Papers like');
    expect(cardsIn(res.json).map((c) => c.id)).toEqual(
      search()
        .similar(target.id, RESULTS.commandPageSize)
        .map((h) => h.paper.id),
    );

    const top = search().search('speech recognition', { limit: 1 }).hits[0]!.paper;
    const byWords = await paper('similar speech recognition');
    expect(cardsIn(byWords.json).map((c) => c.id)).toEqual(
      search()
        .similar(top.id, RESULTS.commandPageSize)
        .map((h) => h.paper.id),
    );
  });

  it('says when nothing matches, echoing the query safely', async () => {
    // As Slack sends typed text: its own control sequences for mentions, the rest escaped.
    const res = await paper('zzqxv <!channel> <@U024BE7LH> &amp; &lt;script&gt;');
    const text = textOf(res.json);
    expect(text).toContain('No papers match');
    expect(text).toContain('&lt;script&gt;');
    expect(text).not.toMatch(/<!channel>|<@U024BE7LH>/);
    expect(cardsIn(res.json)).toEqual([]);
  });
});

describe('/paper when PaperSearch has a suggestion or fails', () => {
  let suggesting: Paperbot;
  beforeAll(async () => {
    suggesting = await startPaperbot({
      search: (real) => ({
        size: real.size,
        similar: (id, limit) => real.similar(id, limit),
        get: (ref) => real.get(ref),
        all: () => real.all(),
        upsert: (papers) => real.upsert(papers),
        search: (query, options) => {
          if (query === 'explode') throw new Error('index corrupted');
          const response = real.search(query, options);
          return response.hits.length === 0 ? { ...response, suggestion: 'diffusion' } : response;
        },
      }),
    });
  });
  afterAll(() => suggesting.close());
  afterEach(() => expect(suggesting.fake.drain()).toEqual([]));

  it('offers "Did you mean" as a button that runs the suggestion', async () => {
    const res = await suggesting.send(slashCommand({ text: 'zzqxv', responseUrl: suggesting.fake.responseUrl() }));
    expect(textOf(res.json)).toContain('Did you mean *diffusion*');
    const button = buttonsIn(res.json).find((b) => b.action_id === 'results_suggestion')!;
    expect(button.text.text).toContain('diffusion');

    await suggesting.send(
      blockAction({
        actionId: button.action_id,
        value: button.value,
        container: { type: 'ephemeral', channel: CHANNEL },
        responseUrl: suggesting.fake.responseUrl('dym'),
      }),
    );
    const [update] = suggesting.fake.responses('dym');
    expect(update!.params.replace_original).toBe(true);
    const expected = suggesting.deps.search.search('diffusion', { limit: RESULTS.commandPageSize });
    expect(cardsIn(update!.params).map((c) => c.id)).toEqual(expected.hits.map((h) => h.paper.id));
  });

  it('still acks in time with an apology, and logs the error, when search throws', async () => {
    const res = await suggesting.send(slashCommand({ text: 'explode', responseUrl: suggesting.fake.responseUrl() }));
    expect(res.status).toBe(200);
    expect(res.json.text).toContain('Something went wrong');
    expect(suggesting.logs.find((l) => l.level === 50 && l.err?.message === 'index corrupted')).toMatchObject({ command: '/paper' });
  });
});

describe('/paper when no paper has every word', () => {
  it('says which word matched nothing, rather than promising papers about all of them', async () => {
    const res = await paper('speculative decoding');
    expect(search().search('speculative decoding').unmatched).toEqual(['speculative']);
    expect(textOf(res.json)).toMatch(/^No paper mentions \*speculative\*; \*1–5 of \d+\* papers about the rest of “speculative decoding”/);
  });
});
