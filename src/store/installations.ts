import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import { inTransaction, type Queryable } from './in-transaction.js';
import type { Sealer } from './seal.js';
import type { Workspace } from './team-memory.js';

/**
 * The workspaces Paperbot is installed in through OAuth (Bolt's `InstallationStore`), in the
 * `installations` table: one row per workspace, or per Enterprise Grid org for an org-wide
 * install; a reinstall replaces the row. The installation as Slack gave it (its tokens with it)
 * is sealed with PAPERBOT_ENCRYPTION_KEY (seal.ts) under the row's key, so a dump of the database
 * holds no usable token, and a sealed value copied to another row does not open there. Only ids
 * (team, enterprise, bot) are plain, for lookups and for the operator.
 *
 * Also what a workspace leaving deletes (`app_uninstalled`, `tokens_revoked`): {@link forgetWorkspace}.
 *
 * @example
 * const installations = new StoreInstallations(store, sealer(config.oauth.encryptionKey));
 * new App({ clientId, clientSecret, stateSecret, scopes, installationStore: installations, … });
 */

/** Where an installation is (or was): Bolt's query, and what an event's envelope names. */
export interface InstalledIn {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  /** An org-wide install: keyed by the enterprise id, and it covers every workspace of the org. */
  isEnterpriseInstall: boolean;
}

/** The row key: the enterprise id of an org-wide install, else the team id (what Bolt looks installations up by). */
export function installationKey(where: InstalledIn): string | undefined {
  return where.isEnterpriseInstall && where.enterpriseId ? where.enterpriseId : where.teamId;
}

const describe = (where: InstalledIn): string =>
  where.isEnterpriseInstall ? `the org ${where.enterpriseId ?? '(no id)'}` : `the workspace ${where.teamId ?? '(no id)'}`;

/** Bolt's installation store over Paperbot's store (see the file comment). */
export class StoreInstallations implements InstallationStore {
  constructor(
    private readonly store: Queryable,
    private readonly box: Sealer,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Stores an install, or replaces the workspace's earlier one (a reinstall: new scopes, a new token). */
  async storeInstallation<AuthVersion extends 'v1' | 'v2'>(installation: Installation<AuthVersion, boolean>): Promise<void> {
    const where = { teamId: installation.team?.id, enterpriseId: installation.enterprise?.id, isEnterpriseInstall: installation.isEnterpriseInstall === true };
    const key = installationKey(where);
    if (!key) throw new Error('storeInstallation: the installation names neither a team nor an enterprise');
    const at = this.now().toISOString();
    await this.store.db
      .insertInto('installations')
      .values({
        key,
        team_id: where.teamId ?? null,
        enterprise_id: where.enterpriseId ?? null,
        is_enterprise_install: where.isEnterpriseInstall ? 1 : 0,
        bot_user_id: installation.bot?.userId ?? null,
        bot_id: installation.bot?.id ?? null,
        sealed: this.box.seal(JSON.stringify(installation), key),
        installed_at: at,
        updated_at: at,
      })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => ({
          team_id: eb.ref('excluded.team_id'),
          enterprise_id: eb.ref('excluded.enterprise_id'),
          is_enterprise_install: eb.ref('excluded.is_enterprise_install'),
          bot_user_id: eb.ref('excluded.bot_user_id'),
          bot_id: eb.ref('excluded.bot_id'),
          sealed: eb.ref('excluded.sealed'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }

  /** The installation for a request (Bolt's authorize); throws when there is none, as Bolt expects, or when it cannot be opened. */
  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation<'v1' | 'v2', boolean>> {
    const found = await this.find(query);
    if (!found) throw new Error(`Paperbot is not installed in ${describe(query)}`);
    return found;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    const key = installationKey(query);
    if (key) await this.store.db.deleteFrom('installations').where('key', '=', key).execute();
  }

  /**
   * The bot token that posts in `ws` (its digests): the workspace's own installation, else its
   * org's org-wide one; undefined when Paperbot is not installed there.
   */
  async botTokenFor(ws: Workspace): Promise<string | undefined> {
    const own = await this.find({ teamId: ws.teamId, enterpriseId: ws.enterpriseId ?? undefined, isEnterpriseInstall: false });
    const org = own || !ws.enterpriseId ? undefined : await this.find({ enterpriseId: ws.enterpriseId, isEnterpriseInstall: true });
    return (own ?? org)?.bot?.token;
  }

  private async find(where: InstalledIn): Promise<Installation | undefined> {
    const key = installationKey(where);
    if (!key) return undefined;
    const row = await this.store.db.selectFrom('installations').select(['key', 'sealed']).where('key', '=', key).executeTakeFirst();
    return row ? (JSON.parse(this.box.open(row.sealed, row.key)) as Installation) : undefined;
  }
}

/** What a workspace leaving took with it: rows deleted, by table. */
export type Forgotten = {
  installations: number;
  shares: number;
  saves: number;
  watches: number;
  digestClaims: number;
};

/**
 * `app_uninstalled`: deletes the installation and everything Paperbot remembers of the workspace
 * (shares, saves, watches and their digest claims), in one transaction; for an org-wide install,
 * of every workspace of the org. Idempotent: a second call (Slack's retry, or the same
 * uninstall reaching two instances) finds nothing and deletes nothing.
 * NOTE: a workspace's rows are found by team id alone (Slack's team ids are unique across
 * Enterprise Grid orgs), so rows stored with or without the org's id all go.
 */
export async function forgetWorkspace(store: Queryable, where: InstalledIn): Promise<Forgotten> {
  const key = installationKey(where);
  const org = where.isEnterpriseInstall && where.enterpriseId ? where.enterpriseId : undefined;
  if (!key) return { installations: 0, shares: 0, saves: 0, watches: 0, digestClaims: 0 };
  return inTransaction(store, async ({ db }) => {
    // Every table filtered the same way: the org's rows, or the team's.
    const [column, value] = org ? (['enterprise_id', org] as const) : (['team_id', key] as const);
    const watchIds = db.selectFrom('watches').select('id').where(column, '=', value);
    const digestClaims = await db.deleteFrom('digest_claims').where('watch_id', 'in', watchIds).executeTakeFirst();
    const watches = await db.deleteFrom('watches').where(column, '=', value).executeTakeFirst();
    const shares = await db.deleteFrom('shares').where(column, '=', value).executeTakeFirst();
    const saves = await db.deleteFrom('saves').where(column, '=', value).executeTakeFirst();
    const installations = await db.deleteFrom('installations').where('key', '=', key).executeTakeFirst();
    return {
      installations: Number(installations.numDeletedRows),
      shares: Number(shares.numDeletedRows),
      saves: Number(saves.numDeletedRows),
      watches: Number(watches.numDeletedRows),
      digestClaims: Number(digestClaims.numDeletedRows),
    };
  });
}

/**
 * `tokens_revoked`: deletes the installation when its bot's token is among those revoked
 * (`botUserIds`, from the event's `tokens.bot`); a revoked user token alone leaves it. Returns
 * whether one was deleted. Idempotent, and safe before or after {@link forgetWorkspace}.
 */
export async function revokeBot(store: Queryable, where: InstalledIn, botUserIds: readonly string[]): Promise<boolean> {
  const key = installationKey(where);
  if (!key || botUserIds.length === 0) return false;
  const result = await store.db
    .deleteFrom('installations')
    .where('key', '=', key)
    .where('bot_user_id', 'in', [...botUserIds])
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** What `app_uninstalled` and `tokens_revoked` do to the store, for the listeners (src/slack/deps.ts `Departures`). */
export function storeDepartures(store: Queryable) {
  return {
    uninstalled: (where: InstalledIn) => forgetWorkspace(store, where),
    tokensRevoked: (where: InstalledIn, botUserIds: readonly string[]) => revokeBot(store, where, botUserIds),
  };
}
