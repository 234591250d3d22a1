import { migrationState } from './migrate.js';
import type { Store } from './open-store.js';
import { countBySource, countPapers, latestSeq } from './paper-repository.js';

/** What `paperbot db status` and `/paper status` show about the store. */
export interface StoreStatus {
  engine: Store['engine'];
  /** Where the data is, password hidden. */
  location: string;
  /** The latest migration applied (`0001-papers`); null on a database never migrated. */
  schemaVersion: string | null;
  /** Migrations this code has that the database lacks (applied at the next start). */
  pendingMigrations: string[];
  /** Row counts; null on a database never migrated. */
  counts: {
    papers: number;
    /** Papers each source has seen. */
    bySource: Record<string, number>;
    /** Sources with a fetch state. */
    sources: number;
    /** The highest change number handed out. */
    latestSeq: number;
  } | null;
}

/**
 * The store's engine, schema version and row counts; changes nothing.
 *
 * @example
 * const { engine, schemaVersion, counts } = await storeStatus(store); // 'sqlite', '0001-papers', { papers: 99, … }
 */
export async function storeStatus(store: Store): Promise<StoreStatus> {
  const { applied, pending } = await migrationState(store);
  const base = { engine: store.engine, location: store.location, schemaVersion: applied.at(-1) ?? null, pendingMigrations: pending };
  if (applied.length === 0) return { ...base, counts: null };
  const sources = await store.db
    .selectFrom('source_state')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return {
    ...base,
    counts: { papers: await countPapers(store), bySource: await countBySource(store), sources: Number(sources.n), latestSeq: await latestSeq(store) },
  };
}

/** The status as lines for a terminal. */
export function formatStoreStatus(status: StoreStatus): string {
  const schema = status.schemaVersion ?? 'none (never migrated)';
  const pending = status.pendingMigrations.length ? `, pending: ${status.pendingMigrations.join(', ')}` : ', up to date';
  const lines = [`engine:  ${status.location}`, `schema:  ${schema}${pending}`];
  if (status.counts) {
    lines.push(`papers:  ${status.counts.papers} (change #${status.counts.latestSeq})`);
    for (const [source, n] of Object.entries(status.counts.bySource)) lines.push(`  ${source}: ${n}`);
    lines.push(`sources with fetch state: ${status.counts.sources}`);
  }
  return lines.join('\n');
}
