import { sql } from 'kysely';
import type { Store } from '../../src/store/open-store.js';

/**
 * Makes the store refuse, mid-transaction, any row of `table` whose `column` is 'poison' (a
 * trigger raising "poisoned row"): a real failure half-way through a batch, on either engine.
 */
export async function poisonStore(store: Store, table: 'papers' | 'paper_sources'): Promise<void> {
  const column = table === 'papers' ? 'id' : 'source';
  if (store.engine === 'sqlite') {
    await sql
      .raw(`create trigger poison_${table} before insert on ${table} when new.${column} = 'poison' begin select raise(abort, 'poisoned row'); end`)
      .execute(store.db);
    return;
  }
  await sql
    .raw(`create or replace function poison() returns trigger language plpgsql as $$
      begin if to_jsonb(new) ->> tg_argv[0] = 'poison' then raise exception 'poisoned row'; end if; return new; end $$`)
    .execute(store.db);
  await sql.raw(`create trigger poison_${table} before insert on ${table} for each row execute function poison('${column}')`).execute(store.db);
}
