import { randomBytes } from 'node:crypto';
import type { Installation } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { forgetWorkspace, revokeBot, StoreInstallations } from '../../src/store/installations.js';
import { sealer } from '../../src/store/seal.js';
import { recordShare, savePaper } from '../../src/store/team-memory.js';
import { claimPeriod, setWatch } from '../../src/store/watches.js';
import { freshStores, testEngines } from '../helpers/databases.js';

const T0 = new Date('2026-01-05T09:00:00.000Z');
const T1 = new Date('2026-01-06T09:00:00.000Z');

function teamInstall(teamId: string, token: string, botUserId = `U0BOT${teamId.slice(1, 6)}`): Installation<'v2', false> {
  return {
    team: { id: teamId, name: `Team ${teamId}` },
    enterprise: undefined,
    user: { id: 'U0INSTALL', token: undefined, scopes: undefined },
    bot: { token, userId: botUserId, id: `B0BOT${teamId.slice(1, 6)}`, scopes: ['commands', 'chat:write'] },
    appId: 'A0PAPERBOT',
    tokenType: 'bot',
    isEnterpriseInstall: false,
    authVersion: 'v2',
  };
}

function orgInstall(enterpriseId: string, token: string): Installation<'v2', true> {
  return {
    team: undefined,
    enterprise: { id: enterpriseId, name: 'Grid org' },
    user: { id: 'U0ORGADMIN', token: undefined, scopes: undefined },
    bot: { token, userId: 'U0ORGBOT', id: 'B0ORGBOT', scopes: ['commands'] },
    appId: 'A0PAPERBOT',
    tokenType: 'bot',
    isEnterpriseInstall: true,
    enterpriseUrl: 'https://grid.enterprise.slack.com/',
    authVersion: 'v2',
  };
}

const team = (teamId: string) => ({ teamId, enterpriseId: undefined, isEnterpriseInstall: false as const });

describe.each(testEngines('installations'))('installations on $name', ({ skip, fresh }) => {
  const stores = freshStores(fresh);
  const freshStore = () => stores.open();

  it.skipIf(skip)('stores an installation sealed, finds it by team, and a reinstall updates the one row', async () => {
    const store = await freshStore();
    let now = T0;
    const installations = new StoreInstallations(store, sealer(randomBytes(32)), () => now);
    await installations.storeInstallation(teamInstall('T0A', 'xoxb-1-2-first'));
    expect(await installations.fetchInstallation(team('T0A'))).toEqual(teamInstall('T0A', 'xoxb-1-2-first'));
    now = T1;
    await installations.storeInstallation(teamInstall('T0A', 'xoxb-1-2-second'));
    const rows = await store.db.selectFrom('installations').selectAll().execute();
    expect(rows).toEqual([
      expect.objectContaining({
        key: 'T0A',
        team_id: 'T0A',
        enterprise_id: null,
        is_enterprise_install: 0,
        bot_user_id: 'U0BOT0A',
        bot_id: 'B0BOT0A',
        installed_at: T0.toISOString(),
        updated_at: T1.toISOString(),
      }),
    ]);
    expect(rows[0]!.sealed).not.toContain('xoxb');
    expect((await installations.fetchInstallation(team('T0A'))).bot?.token).toBe('xoxb-1-2-second');
    await expect(installations.fetchInstallation(team('T0B'))).rejects.toThrow(/not installed in the workspace T0B/);
    await installations.deleteInstallation(team('T0A'));
    await installations.deleteInstallation(team('T0A'));
    await expect(installations.fetchInstallation(team('T0A'))).rejects.toThrow(/not installed/);
  });

  it.skipIf(skip)("keys an org-wide install by its enterprise id, and gives its token to the org's workspaces that have none of their own", async () => {
    const store = await freshStore();
    const installations = new StoreInstallations(store, sealer(randomBytes(32)));
    await installations.storeInstallation(orgInstall('E0GRID', 'xoxb-org'));
    await installations.storeInstallation(teamInstall('T0OWN', 'xoxb-own'));
    expect(await store.db.selectFrom('installations').select(['key', 'is_enterprise_install']).orderBy('key').execute()).toEqual([
      { key: 'E0GRID', is_enterprise_install: 1 },
      { key: 'T0OWN', is_enterprise_install: 0 },
    ]);
    expect((await installations.fetchInstallation({ teamId: undefined, enterpriseId: 'E0GRID', isEnterpriseInstall: true })).bot?.token).toBe('xoxb-org');
    expect(await installations.botTokenFor({ teamId: 'T0INGRID', enterpriseId: 'E0GRID' })).toBe('xoxb-org');
    expect(await installations.botTokenFor({ teamId: 'T0OWN', enterpriseId: null })).toBe('xoxb-own');
    expect(await installations.botTokenFor({ teamId: 'T0NONE', enterpriseId: null })).toBeUndefined();
    expect(await installations.botTokenFor({ teamId: 'T0NONE', enterpriseId: 'E0OTHER' })).toBeUndefined();
  });

  it.skipIf(skip)('forgetWorkspace deletes the installation, shares, saves, watches and their digest claims of that workspace only, once', async () => {
    const store = await freshStore();
    const installations = new StoreInstallations(store, sealer(randomBytes(32)));
    for (const teamId of ['T0A', 'T0B']) {
      const ws = { teamId, enterpriseId: null };
      await installations.storeInstallation(teamInstall(teamId, `xoxb-${teamId}`));
      await recordShare(store, ws, { channel: 'C1', messageTs: '1700000000.000100', permalink: null, paperId: '2401.00001', userId: 'U1' }, T0);
      await savePaper(store, ws, 'U1', '2401.00001', T0);
      const change = await setWatch(store, ws, { channel: 'C1', query: 'diffusion', cadence: 'daily', userId: 'U1' }, 25, T0);
      const watchId = 'watch' in change ? change.watch.id : '';
      expect(await claimPeriod(store, { watchId, period: 'daily:2026-01-05', by: 'test', window: { from: T0, to: T1, toSeq: 0 } }, T1)).toBe(true);
    }
    const gone = await forgetWorkspace(store, team('T0B'));
    expect(gone).toEqual({ installations: 1, shares: 1, saves: 1, watches: 1, digestClaims: 1 });
    expect(await forgetWorkspace(store, team('T0B'))).toEqual({ installations: 0, shares: 0, saves: 0, watches: 0, digestClaims: 0 });
    for (const table of ['installations', 'shares', 'saves', 'watches', 'digest_claims'] as const) {
      expect(await store.db.selectFrom(table).selectAll().execute(), table).toHaveLength(1);
    }
    expect((await installations.fetchInstallation(team('T0A'))).bot?.token).toBe('xoxb-T0A');
  });

  it.skipIf(skip)('revokeBot deletes the installation only when its bot is among the revoked', async () => {
    const store = await freshStore();
    const installations = new StoreInstallations(store, sealer(randomBytes(32)));
    await installations.storeInstallation(teamInstall('T0A', 'xoxb-a', 'U0BOTA'));
    expect(await revokeBot(store, team('T0A'), [])).toBe(false);
    expect(await revokeBot(store, team('T0A'), ['U0SOMEONE'])).toBe(false);
    expect(await revokeBot(store, team('T0B'), ['U0BOTA'])).toBe(false);
    expect(await revokeBot(store, team('T0A'), ['U0SOMEONE', 'U0BOTA'])).toBe(true);
    expect(await revokeBot(store, team('T0A'), ['U0BOTA'])).toBe(false);
    expect(await installations.botTokenFor({ teamId: 'T0A', enterpriseId: null })).toBeUndefined();
  });
});
