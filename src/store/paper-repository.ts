import type { Kysely } from 'kysely';
import type { Paper } from '../corpus/paper.js';
import type { PaperExtras, SourcedPaper } from '../corpus/sourced-paper.js';
import { type Queryable, inTransaction } from './in-transaction.js';
import { mergePaper, sameContent } from './merge-paper.js';
import { CONTENT_COLUMNS, type PaperContent, contentOf, toStoredPaper } from './paper-row.js';
import { type Database, PAPER_SEQ_COUNTER, type PaperRow } from './schema.js';
import { STORE } from '../config.js';

/** A paper as the store holds it. */
export interface StoredPaper {
  /** The corpus fields, as the source whose text the store holds gave them. */
  paper: Paper;
  /** Only the extras some source has given; `version` is that of the text held. */
  extras: PaperExtras;
  /** Every source that has seen the paper, in the order they first did. */
  sources: string[];
  /** ISO 8601 UTC. */
  firstSeenAt: string;
  /** When anything stored about the paper last changed (text, extras or sources); ISO 8601 UTC. */
  updatedAt: string;
  /** Change sequence number: unique, higher for every later change. See {@link papersChangedSince}. */
  seq: number;
}

/** What a batch did, by paper id; a paper in the batch twice counts once. */
export interface UpsertResult {
  added: string[];
  updated: string[];
  unchanged: number;
}

/**
 * Stores a source's papers in one transaction: new ids are added, known ones merged by the rules
 * of {@link mergePaper} (a newer arXiv version replaces the text, extras update, sources
 * accumulate). A paper whose stored values do not change is not written, so its `updatedAt` and
 * `seq` stay. If anything fails, nothing of the batch is stored.
 *
 * NOTE: every paper write first locks the `papers.seq` counter row, then reads, merges and writes.
 * Writers therefore run one after another on Postgres too (as SQLite runs them anyway): no two
 * merge the same paper from the same stale read, no two get the same `seq`, and sequence numbers
 * become visible in commit order. A Postgres SEQUENCE would give unique numbers, but a
 * transaction holding 5 could commit after one holding 6, and a follower that had read up to 6
 * would never see 5. Fetches are minutes apart; the lock costs nothing that matters.
 *
 * @example
 * const { added, updated } = await upsertPapers(store, [{ paper, extras: { upvotes: 3 }, source: 'hf-daily' }], new Date());
 */
export async function upsertPapers(store: Queryable, batch: readonly SourcedPaper[], now: Date = new Date()): Promise<UpsertResult> {
  if (batch.length === 0) return { added: [], updated: [], unchanged: 0 };
  return inTransaction(store, async ({ db }) => {
    let seq = await lockSeqCounter(db);
    const ids = [...new Set(batch.map((item) => item.paper.id))];
    const before = new Map((await selectRows(db, ids)).map((row) => [row.id, row]));
    const seen = await selectSources(db, ids);
    const at = now.toISOString();

    const merged = new Map<string, PaperContent>();
    const newSources: Database['paper_sources'][] = [];
    for (const item of batch) {
      const id = item.paper.id;
      const current = merged.get(id) ?? mapOptional(before.get(id), contentOf);
      merged.set(id, mergePaper(current, item));
      const sources = seen.get(id) ?? [];
      if (!sources.includes(item.source)) {
        sources.push(item.source);
        seen.set(id, sources);
        newSources.push({ paper_id: id, source: item.source, first_seen_at: at });
      }
    }

    const gainedSource = new Set(newSources.map((s) => s.paper_id));
    const added: string[] = [];
    const updated: string[] = [];
    const rows: PaperRow[] = [];
    for (const id of ids) {
      const old = before.get(id);
      const content = merged.get(id) as PaperContent;
      if (old && !gainedSource.has(id) && sameContent(contentOf(old), content)) continue;
      (old ? updated : added).push(id);
      seq += 1;
      rows.push({ id, ...content, first_seen_at: old?.first_seen_at ?? at, updated_at: at, seq, first_seq: old ? old.first_seq : seq });
    }

    for (const chunk of chunks(rows)) {
      await db
        .insertInto('papers')
        .values(chunk)
        .onConflict((oc) =>
          oc
            .column('id')
            .doUpdateSet((eb) => Object.fromEntries([...CONTENT_COLUMNS, 'updated_at', 'seq'].map((c) => [c, eb.ref(`excluded.${c}` as 'excluded.seq')]))),
        )
        .execute();
    }
    for (const chunk of chunks(newSources)) await db.insertInto('paper_sources').values(chunk).execute();
    if (rows.length > 0) await db.updateTable('counters').set({ value: seq }).where('name', '=', PAPER_SEQ_COUNTER).execute();
    return { added, updated, unchanged: ids.length - added.length - updated.length };
  });
}

/**
 * One paper by id, or undefined.
 *
 * @example const stored = await getPaper(store, '2308.16582');
 */
export async function getPaper(store: Queryable, id: string): Promise<StoredPaper | undefined> {
  return (await getPapers(store, [id]))[0];
}

/** The papers with these ids, in the order asked; ids the store does not have are left out. */
export async function getPapers(store: Queryable, ids: readonly string[]): Promise<StoredPaper[]> {
  const unique = [...new Set(ids)];
  const rows = new Map((await selectRows(store.db, unique)).map((row) => [row.id, row]));
  const sources = await selectSources(store.db, unique);
  return unique.flatMap((id) => {
    const row = rows.get(id);
    return row ? [toStoredPaper(row, sources.get(id) ?? [])] : [];
  });
}

/** Every paper, in change order (lowest `seq` first). */
export async function allPapers(store: Queryable): Promise<StoredPaper[]> {
  const rows = await store.db.selectFrom('papers').selectAll().orderBy('seq').execute();
  const sources = groupSources(await store.db.selectFrom('paper_sources').select(['paper_id', 'source']).orderBy('first_seen_at').orderBy('source').execute());
  return rows.map((row) => toStoredPaper(row, sources.get(row.id) ?? []));
}

/**
 * Papers added or changed after change number `seq`, oldest change first, at most `limit`. Keep
 * the last `seq` you saw and ask again with it: a search index stays live, and another instance
 * follows this one's fetches. `papersChangedSince(store, 0)` is every paper.
 *
 * @example
 * let cursor = 0;
 * for (const stored of await papersChangedSince(store, cursor)) { index.replace(stored.paper); cursor = stored.seq; }
 */
export async function papersChangedSince(store: Queryable, seq: number, limit?: number): Promise<StoredPaper[]> {
  let query = store.db.selectFrom('papers').selectAll().where('seq', '>', seq).orderBy('seq');
  if (limit !== undefined) query = query.limit(limit);
  const rows = await query.execute();
  const sources = await selectSources(
    store.db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toStoredPaper(row, sources.get(row.id) ?? []));
}

/** The highest change number handed out so far (0 for an empty store). */
export async function latestSeq(store: Queryable): Promise<number> {
  const row = await store.db.selectFrom('counters').select('value').where('name', '=', PAPER_SEQ_COUNTER).executeTakeFirst();
  return row?.value ?? 0;
}

/** How many papers the store holds. */
export async function countPapers(store: Queryable): Promise<number> {
  const row = await store.db
    .selectFrom('papers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** How many papers each source has seen, by source name. */
export async function countBySource(store: Queryable): Promise<Record<string, number>> {
  const rows = await store.db
    .selectFrom('paper_sources')
    .select(['source', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('source')
    .orderBy('source')
    .execute();
  return Object.fromEntries(rows.map((row) => [row.source, Number(row.n)]));
}

/** Takes the counter's row lock for the rest of the transaction and returns its value. */
async function lockSeqCounter(db: Kysely<Database>): Promise<number> {
  // NOTE: an UPDATE that changes nothing still locks the row (Postgres) and takes the write lock
  // (SQLite) at once, before the reads that the merge depends on.
  const row = await db
    .updateTable('counters')
    .set((eb) => ({ value: eb.ref('value') }))
    .where('name', '=', PAPER_SEQ_COUNTER)
    .returning('value')
    .executeTakeFirstOrThrow(() => new Error('The papers.seq counter is missing: has the store been migrated?'));
  return row.value;
}

async function selectRows(db: Kysely<Database>, ids: readonly string[]): Promise<PaperRow[]> {
  const rows: PaperRow[] = [];
  for (const chunk of chunks(ids)) rows.push(...(await db.selectFrom('papers').selectAll().where('id', 'in', chunk).execute()));
  return rows;
}

/** Each paper's sources, in the order they first saw it. */
async function selectSources(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, string[]>> {
  const rows: { paper_id: string; source: string }[] = [];
  for (const chunk of chunks(ids)) {
    rows.push(
      ...(await db
        .selectFrom('paper_sources')
        .select(['paper_id', 'source'])
        .where('paper_id', 'in', chunk)
        .orderBy('first_seen_at')
        .orderBy('source')
        .execute()),
    );
  }
  return groupSources(rows);
}

function groupSources(rows: readonly { paper_id: string; source: string }[]): Map<string, string[]> {
  const sources = new Map<string, string[]>();
  for (const { paper_id, source } of rows) {
    const list = sources.get(paper_id);
    if (list) list.push(source);
    else sources.set(paper_id, [source]);
  }
  return sources;
}

function* chunks<T>(items: readonly T[], size: number = STORE.rowsPerStatement): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

const mapOptional = <T, U>(value: T | undefined, f: (value: T) => U): U | undefined => (value === undefined ? undefined : f(value));
