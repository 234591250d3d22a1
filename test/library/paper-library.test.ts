import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR } from '../../src/config.js';
import { openLibrary } from '../../src/library/open-library.js';
import type { PaperLibrary } from '../../src/library/paper-library.js';
import { createLogger } from '../../src/logger.js';
import { type FreshDatabase, testEngines } from '../helpers/databases.js';
import { poisonStore } from '../helpers/poison-store.js';
import { sourced } from '../store/fixtures.js';

const logger = createLogger({ level: 'silent' });

describe.each(testEngines('paper library'))('the paper library on $name', ({ skip, fresh }) => {
  const opened: PaperLibrary[] = [];
  let database: FreshDatabase | undefined;
  const open = async () => {
    database ??= await fresh();
    const library = await openLibrary({ databaseUrl: database.url, dataDir: DEFAULT_DATA_DIR, logger });
    opened.push(library);
    return library;
  };
  afterEach(async () => {
    for (const library of opened.splice(0)) await library.store.close();
    await database?.remove();
    database = undefined;
  });

  it.skipIf(skip)('starts with the bundled 99 papers, once, however often it opens', async () => {
    const first = await open();
    expect(first.search.size).toBe(99);
    await first.store.close();
    opened.pop();
    const second = await open();
    expect(second.search.size).toBe(99);
    expect(second.search.search('long context').total).toBeGreaterThan(0);
  });

  it.skipIf(skip)('makes a stored paper searchable as soon as add() resolves, without a rebuild', async () => {
    const library = await open();
    const before = library.generation;
    expect(library.search.search('zyxoquantum teleportation').total).toBe(0);
    const result = await library.add([
      sourced('2601.00042', {
        title: 'Zyxoquantum teleportation of large language models',
        abstract: 'We propose zyxoquantum teleportation for language models.',
      }),
    ]);
    expect(result.added).toEqual(['2601.00042']);
    expect(library.generation).toBeGreaterThan(before);
    expect(library.search.search('zyxoquantum teleportation').hits[0]?.paper.id).toBe('2601.00042');
    expect(library.search.get('https://arxiv.org/abs/2601.00042v1')?.title).toBe('Zyxoquantum teleportation of large language models');
    expect(library.search.size).toBe(100);
  });

  it.skipIf(skip)('takes a newer arXiv version as an update of the same paper, not a second one', async () => {
    const library = await open();
    await library.add([sourced('2601.00043', { title: 'Old title about glimmerwave retrieval', extras: { version: 1 } })]);
    const result = await library.add([sourced('2601.00043', { title: 'New title about shimmerfold retrieval', extras: { version: 2 } })]);
    expect(result.updated).toEqual(['2601.00043']);
    expect(library.search.size).toBe(100);
    expect(library.search.search('shimmerfold').hits.map((h) => h.paper.id)).toEqual(['2601.00043']);
    expect(library.search.search('glimmerwave').total).toBe(0);
  });

  it.skipIf(skip)('shows Hugging Face’s summary as the TL;DR, marked as theirs', async () => {
    const library = await open();
    await library.add([sourced('2601.00044', { from: 'hf-daily', extras: { aiSummary: 'A model that reads whole books at once.' } })]);
    const paper = library.search.get('2601.00044');
    expect(paper?.tldr).toBe('A model that reads whole books at once.');
    expect(paper?.tldrBy).toBe('huggingface');
  });

  it.skipIf(skip)('follows papers another process stored, on sync()', async () => {
    const mine = await open();
    const theirs = await open();
    await theirs.add([sourced('2601.00045', { title: 'Quillbright attention for sparse transformers' })]);
    expect(mine.search.search('quillbright').total).toBe(0);
    expect(await mine.sync()).toBe(1);
    expect(mine.search.search('quillbright').hits[0]?.paper.id).toBe('2601.00045');
    expect(await mine.sync()).toBe(0);
  });

  it.skipIf(skip)('two fetches storing at once: each is searchable when its add() resolves', async () => {
    const library = await open();
    const batches = Array.from({ length: 6 }, (_, i) => [sourced(`2601.001${10 + i}`, { title: `Frobnitz${i} lattice decoding` })]);
    await Promise.all(
      batches.map(async (batch, i) => {
        await library.add(batch);
        expect(library.search.search(`frobnitz${i}`).hits.map((h) => h.paper.id)).toEqual([batch[0]!.paper.id]);
      }),
    );
    expect(library.search.size).toBe(105);
  });

  it.skipIf(skip)('stores nothing of a batch that fails half-way, and the index is untouched', async () => {
    const library = await open();
    await poisonStore(library.store, 'papers');
    const good = sourced('2601.00046', { title: 'Brambleweft decoding' });
    await expect(library.add([good, sourced('poison')])).rejects.toThrow(/poisoned/);
    expect(library.search.search('brambleweft').total).toBe(0);
    expect(await library.sync()).toBe(0);
    expect(library.search.size).toBe(99);
  });
});
