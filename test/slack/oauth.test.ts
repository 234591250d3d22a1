import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync, existsSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SLACK_OAUTH } from '../../src/config.js';
import type { Message } from '../../src/render/message.js';
import * as slack from '../../src/slack-stand-in/payloads.js';
import { forgetWorkspace, StoreInstallations } from '../../src/store/installations.js';
import { SealError, sealer } from '../../src/store/seal.js';
import type { Workspace } from '../../src/store/team-memory.js';
import { claimPeriod } from '../../src/store/watches.js';
import { testEngines } from '../helpers/databases.js';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  type OAuthPaperbot,
  STATE_SECRET,
  startOAuthPaperbot,
  type TestWorkspace,
  WORKSPACE_A,
  WORKSPACE_B,
} from '../helpers/oauth-paperbot.js';

/**
 * Installing into any workspace, end to end: Paperbot in OAuth mode behind the real Bolt HTTP
 * receiver and Paperbot's guard, a person's browser going through `/slack/install` and
 * `/slack/oauth_redirect`, the Slack stand-in answering `oauth.v2.access`, the installations
 * sealed in a real store (SQLite, and Postgres when it is up), and signed events from each
 * workspace answered with that workspace's own bot token.
 */

const wsOf = (ws: TestWorkspace): Workspace => ({ teamId: ws.team.teamId, enterpriseId: null });
/** Slack's token prefixes: bot, user, refresh (token rotation) and workflow/app tokens. */
const TOKEN_PATTERN = /xox[bpear]-|xoxe\./;

/** The JWT Bolt's state store signs, made here with the state secret: a state started `ageSec` ago. */
function stateStartedAgo(ageSec: number, secret = STATE_SECRET): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const payload = {
    installOptions: { scopes: [...SLACK_OAUTH.botScopes] },
    now: new Date(Date.now() - ageSec * 1000).toJSON(),
    random: 42,
    iat: Math.floor(Date.now() / 1000) - ageSec,
  };
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

describe.each(testEngines('OAuth installs'))('installing into any workspace, on $name', ({ name, skip, fresh }) => {
  let bot: OAuthPaperbot;
  let removeDatabase: () => Promise<void> = async () => {};

  beforeAll(async () => {
    if (skip) return;
    const database = name === 'postgres' ? await fresh() : undefined;
    if (database) removeDatabase = database.remove;
    bot = await startOAuthPaperbot({ env: database ? { DATABASE_URL: database.url } : {} });
  }, 60_000);
  afterAll(async () => {
    await bot?.close();
    await removeDatabase();
  });
  beforeEach(async () => {
    if (skip) return;
    bot.fake.reset();
    for (const table of ['digest_claims', 'watches', 'shares', 'saves', 'installations'] as const) await bot.store.db.deleteFrom(table).execute();
  });

  const mention = (ws: TestWorkspace, words = 'diffusion models') =>
    bot.send(slack.appMention({ team: ws.team, text: `<@${ws.team.botUserId}> ${words}`, channel: 'C0GENERAL1' }));
  const command = (ws: TestWorkspace, text: string, channel = 'C0PAPERS01') =>
    bot.send(slack.slashCommand({ team: ws.team, command: '/paper', text, responseUrl: bot.fake.responseUrl(), channel }));
  const installationRows = () => bot.store.db.selectFrom('installations').selectAll().orderBy('key').execute();
  const count = async (table: 'shares' | 'saves' | 'watches', ws: TestWorkspace) =>
    Number(
      (
        await bot.store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('team_id', '=', ws.team.teamId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  /** A share, a save, a watch (set with `/paper watch`) and a digest claim of that watch, in `ws`. */
  async function remember(ws: TestWorkspace): Promise<void> {
    const channel = 'C0PAPERS01';
    expect((await command(ws, 'watch diffusion models', channel)).json.text).toContain('Watching');
    await bot.deps.memory.recordShare(wsOf(ws), { channel, messageTs: '1700000000.000100', permalink: null, paperId: '2401.00001', userId: 'U0SHARER1' });
    await bot.deps.memory.save(wsOf(ws), 'U0READER1', '2401.00001');
    const [watch] = await bot.deps.watches.list(wsOf(ws), channel);
    const window = { from: new Date(Date.now() - 86_400_000), to: new Date(), toSeq: 0 };
    expect(await claimPeriod(bot.store, { watchId: watch!.id, period: 'daily:2026-01-01', by: 'test', window })).toBe(true);
  }
  async function remembered(ws: TestWorkspace) {
    const watchIds = (await bot.store.db.selectFrom('watches').select('id').where('team_id', '=', ws.team.teamId).execute()).map((w) => w.id);
    const claims = await bot.store.db.selectFrom('digest_claims').select('watch_id').execute();
    return {
      shares: await count('shares', ws),
      saves: await count('saves', ws),
      watches: watchIds.length,
      claims: claims.filter((c) => watchIds.includes(c.watch_id)).length,
      installed: (await installationRows()).some((row) => row.team_id === ws.team.teamId),
    };
  }
  const nothing = { shares: 0, saves: 0, watches: 0, claims: 0, installed: false };
  const everything = { shares: 1, saves: 1, watches: 1, claims: 1, installed: true };

  it.skipIf(skip)(
    "GET /slack/install says what Paperbot is and links to Slack's authorize page: the client id, the manifest's scopes, a state (also a cookie)",
    async () => {
      const start = await bot.startInstall();
      expect(start.status).toBe(200);
      expect(start.html).toContain('Paperbot finds research papers');
      expect(start.html).not.toMatch(/<script/i);
      expect(`${start.authorizeUrl.origin}${start.authorizeUrl.pathname}`).toBe('https://slack.com/oauth/v2/authorize');
      expect(start.authorizeUrl.searchParams.get('client_id')).toBe(CLIENT_ID);
      expect(start.authorizeUrl.searchParams.get('scope')?.split(',')).toEqual([...SLACK_OAUTH.botScopes]);
      expect(start.authorizeUrl.searchParams.get('state')).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
      expect(start.stateCookie).toBe(start.authorizeUrl.searchParams.get('state'));
      const res = await bot.get('/slack/install');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(res.headers.getSetCookie().join('\n')).toMatch(/slack-app-oauth-state=.*HttpOnly/);
      // Only the browser's GET is open: anything else there must be signed by Slack, like /slack/events.
      expect((await fetch(`${bot.url}/slack/install`, { method: 'POST' })).status).toBe(401);
      expect((await fetch(`${bot.url}/slack/oauth_redirect`, { method: 'POST' })).status).toBe(401);
    },
  );

  it.skipIf(skip)("stores the installation when Slack sends the browser back, and answers that workspace's events with its own token", async () => {
    const tokenA = await bot.install(WORKSPACE_A);
    // Workspace B by hand, to see the page it ends on.
    const start = await bot.startInstall();
    const code = bot.fake.grantInstall({
      team: { id: WORKSPACE_B.team.teamId, name: WORKSPACE_B.name },
      bot: { userId: WORKSPACE_B.team.botUserId, botId: WORKSPACE_B.team.botId },
      appId: WORKSPACE_B.team.appId,
      userId: 'U0INSTALLR',
      scopes: [...SLACK_OAUTH.botScopes],
    });
    const back = await bot.get(
      `/slack/oauth_redirect?code=${encodeURIComponent(code)}&state=${encodeURIComponent(start.stateCookie)}`,
      `slack-app-oauth-state=${start.stateCookie}`,
    );
    const page = await back.text();
    expect(back.status).toBe(200);
    expect(page).toContain('Paperbot is installed');
    expect(page).toContain('Paperbot was added to Second &lt;Lab&gt; &amp; Co');
    expect(page).not.toContain('<Lab>');
    expect(back.headers.getSetCookie().join('\n')).toMatch(/slack-app-oauth-state=deleted/);
    const exchange = bot.fake.api('oauth.v2.access').at(-1)!;
    expect(exchange.params).toMatchObject({ client_id: CLIENT_ID, code });
    const tokenB = exchange.response!['access_token'] as string;
    expect(tokenB).toMatch(/^xoxb-/);
    expect(tokenB).not.toBe(tokenA);

    const stored = await bot.installations.fetchInstallation({ teamId: WORKSPACE_B.team.teamId, enterpriseId: undefined, isEnterpriseInstall: false });
    expect(stored).toMatchObject({
      team: { id: WORKSPACE_B.team.teamId, name: WORKSPACE_B.name },
      bot: { token: tokenB, userId: WORKSPACE_B.team.botUserId, id: WORKSPACE_B.team.botId, scopes: [...SLACK_OAUTH.botScopes] },
      isEnterpriseInstall: false,
    });
    expect((await installationRows()).map((row) => [row.key, row.bot_user_id, row.bot_id])).toEqual(
      [
        [WORKSPACE_A.team.teamId, WORKSPACE_A.team.botUserId, WORKSPACE_A.team.botId],
        [WORKSPACE_B.team.teamId, WORKSPACE_B.team.botUserId, WORKSPACE_B.team.botId],
      ].sort(),
    );

    bot.fake.reset();
    expect((await mention(WORKSPACE_B)).status).toBe(200);
    expect((await mention(WORKSPACE_A)).status).toBe(200);
    const posts = bot.fake.delivered('chat.postMessage');
    expect(posts.map((post) => post.authorization)).toEqual([`Bearer ${tokenB}`, `Bearer ${tokenA}`]);
    // A slash command is answered in its ack, after the installation is found.
    const answer = await command(WORKSPACE_B, 'diffusion');
    expect(answer.json.blocks.length).toBeGreaterThan(0);
  });

  it.skipIf(skip)('a reinstall replaces the row: one installation, the new token answers', async () => {
    const first = await bot.install(WORKSPACE_B);
    const [before] = await installationRows();
    const second = await bot.install(WORKSPACE_B);
    expect(second).not.toBe(first);
    const rows = await installationRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.installed_at).toBe(before!.installed_at);
    expect(rows[0]!.sealed).not.toBe(before!.sealed);
    bot.fake.reset();
    await mention(WORKSPACE_B);
    expect(bot.fake.delivered('chat.postMessage').map((post) => post.authorization)).toEqual([`Bearer ${second}`]);
  });

  it.skipIf(skip)('refuses a forged, foreign, missing or expired state, a cancelled install and a bad code: nothing is stored', async () => {
    const grant = () =>
      bot.fake.grantInstall({
        team: { id: WORKSPACE_B.team.teamId, name: WORKSPACE_B.name },
        bot: { userId: WORKSPACE_B.team.botUserId, botId: WORKSPACE_B.team.botId },
        appId: WORKSPACE_B.team.appId,
        userId: 'U0INSTALLR',
        scopes: [...SLACK_OAUTH.botScopes],
      });
    const redirect = (query: Record<string, string>, cookie?: string) => bot.get(`/slack/oauth_redirect?${new URLSearchParams(query)}`, cookie);
    const mine = await bot.startInstall();
    const theirs = await bot.startInstall();
    const forged = stateStartedAgo(0, 'not-the-state-secret-at-all-0000');
    const expired = stateStartedAgo(SLACK_OAUTH.stateTtlSec + 60);
    const refused = [
      // A state this app never signed, in the cookie too.
      await redirect({ code: grant(), state: forged }, `slack-app-oauth-state=${forged}`),
      // A real state, but started in another browser (someone else's link).
      await redirect({ code: grant(), state: theirs.stateCookie }, `slack-app-oauth-state=${mine.stateCookie}`),
      // No cookie at all.
      await redirect({ code: grant(), state: mine.stateCookie }),
      // Signed with our secret, but older than the state may be.
      await redirect({ code: grant(), state: expired }, `slack-app-oauth-state=${expired}`),
      // The person clicked Cancel on Slack's page.
      await redirect({ error: 'access_denied', state: mine.stateCookie }, `slack-app-oauth-state=${mine.stateCookie}`),
    ];
    for (const res of refused) {
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('Paperbot was not installed');
    }
    // None of those got as far as exchanging a code.
    expect(bot.fake.api('oauth.v2.access')).toEqual([]);

    // A proper state with a code Slack never gave: Slack refuses the exchange.
    const fresh = await bot.startInstall();
    const bad = await redirect({ code: '1234.5678.nope', state: fresh.stateCookie }, `slack-app-oauth-state=${fresh.stateCookie}`);
    expect(bad.status).toBe(502);
    expect(await bad.text()).toContain('Slack answered invalid_code');
    expect(bot.fake.api('oauth.v2.access').map((call) => call.response?.['error'])).toEqual(['invalid_code']);
    expect(await installationRows()).toEqual([]);
  });

  it.skipIf(skip)('a dump of the database holds no token, and the sealed installation opens only with its key', async () => {
    const tokens = [await bot.install(WORKSPACE_A), await bot.install(WORKSPACE_B)];
    // Every text of every row of every table, as a dump would have it.
    const tables =
      bot.store.engine === 'sqlite'
        ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(bot.store.db)).rows.map((r) => r.name)
        : (
            await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(bot.store.db)
          ).rows.map((r) => r.name);
    expect(tables).toContain('installations');
    let dump = '';
    for (const table of tables) dump += JSON.stringify((await sql`select * from ${sql.table(table)}`.execute(bot.store.db)).rows);
    expect(dump).toContain(WORKSPACE_B.team.teamId);
    // And on SQLite the file's bytes themselves (with its write-ahead log).
    if (bot.store.engine === 'sqlite') {
      const path = bot.store.location.replace(/^sqlite /, '');
      for (const file of [path, `${path}-wal`]) if (existsSync(file)) dump += readFileSync(file).toString('latin1');
    }
    expect(dump).not.toMatch(TOKEN_PATTERN);
    for (const token of tokens) expect(dump).not.toContain(token.slice('xoxb-'.length));
    // Nor does the log (at debug level, where the Web API client writes every request).
    const logged = JSON.stringify(bot.logs);
    expect(logged).toContain('oauth.v2.access');
    for (const secret of [...tokens.map((token) => token.slice('xoxb-'.length)), CLIENT_SECRET]) expect(logged).not.toContain(secret);

    const [row] = await bot.store.db.selectFrom('installations').selectAll().where('key', '=', WORKSPACE_B.team.teamId).execute();
    expect(row!.sealed).toMatch(/^v1:[\w+/=]+:[\w+/=]+:[\w+/=]+$/);
    const query = { teamId: WORKSPACE_B.team.teamId, enterpriseId: undefined, isEnterpriseInstall: false as const };
    const otherKey = new StoreInstallations(bot.store, sealer(randomBytes(32)));
    await expect(otherKey.fetchInstallation(query)).rejects.toBeInstanceOf(SealError);
    // Nor does a sealed value copied to another workspace's row open there.
    await bot.store.db.updateTable('installations').set({ sealed: row!.sealed }).where('key', '=', WORKSPACE_A.team.teamId).execute();
    await expect(bot.installations.fetchInstallation({ ...query, teamId: WORKSPACE_A.team.teamId })).rejects.toBeInstanceOf(SealError);
    expect((await bot.installations.fetchInstallation(query)).bot?.token).toBe(tokens[1]);
  });

  it.skipIf(skip)("digests post with each workspace's token, and answer not_installed once it is gone", async () => {
    const [tokenA, tokenB] = [await bot.install(WORKSPACE_A), await bot.install(WORKSPACE_B)];
    const digest: Message = { text: 'New papers on diffusion models', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'New papers' } }] };
    expect(await bot.digestPoster.post(wsOf(WORKSPACE_B), 'C0PAPERS01', digest)).toMatchObject({ ok: true });
    expect(await bot.digestPoster.post(wsOf(WORKSPACE_A), 'C0PAPERS01', digest)).toMatchObject({ ok: true });
    expect(bot.fake.delivered('chat.postMessage').map((post) => post.authorization)).toEqual([`Bearer ${tokenB}`, `Bearer ${tokenA}`]);
    await bot.send(slack.appUninstalled({ team: WORKSPACE_B.team }));
    expect(await bot.digestPoster.post(wsOf(WORKSPACE_B), 'C0PAPERS01', digest)).toEqual({ ok: false, error: 'not_installed' });
  });

  it.skipIf(skip)("app_uninstalled deletes the installation and all the workspace's data, and its events go unanswered", async () => {
    await bot.install(WORKSPACE_A);
    await bot.install(WORKSPACE_B);
    await remember(WORKSPACE_A);
    await remember(WORKSPACE_B);
    expect(await remembered(WORKSPACE_B)).toEqual(everything);

    const uninstall = slack.appUninstalled({ team: WORKSPACE_B.team });
    expect((await bot.send(uninstall)).status).toBe(200);
    expect(await remembered(WORKSPACE_B)).toEqual(nothing);
    expect(await remembered(WORKSPACE_A)).toEqual(everything);
    // Slack's retry of it, and a second uninstall event: nothing left to delete, no harm.
    expect((await bot.send(uninstall, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } })).status).toBe(200);
    expect((await bot.send(slack.appUninstalled({ team: WORKSPACE_B.team }))).status).toBe(200);
    expect(await remembered(WORKSPACE_A)).toEqual(everything);

    bot.fake.reset();
    expect((await mention(WORKSPACE_B)).status).toBe(200);
    const refused = await command(WORKSPACE_B, 'diffusion');
    expect(refused.status).toBe(200);
    expect(refused.text).toBe('');
    expect(bot.fake.calls).toEqual([]);
    expect(bot.logs.some((line) => line.msg === 'no installation for this workspace: not answered' && line.teamId === WORKSPACE_B.team.teamId)).toBe(true);
    // The other workspace is still answered.
    await mention(WORKSPACE_A);
    expect(bot.fake.delivered('chat.postMessage')).toHaveLength(1);
  });

  it.skipIf(skip)('tokens_revoked then app_uninstalled, and the reverse, both end clean', async () => {
    await bot.install(WORKSPACE_A);
    await bot.install(WORKSPACE_B);
    await remember(WORKSPACE_A);
    await remember(WORKSPACE_B);

    // A user token revoked: the bot's installation stays.
    await bot.send(slack.tokensRevoked({ team: WORKSPACE_B.team, oauth: ['U0INSTALLR'] }));
    expect(await remembered(WORKSPACE_B)).toEqual(everything);
    // B: the bot token revoked first (the installation goes, the data waits), then the uninstall.
    await bot.send(slack.tokensRevoked({ team: WORKSPACE_B.team, bot: [WORKSPACE_B.team.botUserId] }));
    expect(await remembered(WORKSPACE_B)).toEqual({ ...everything, installed: false });
    await bot.send(slack.appUninstalled({ team: WORKSPACE_B.team }));
    expect(await remembered(WORKSPACE_B)).toEqual(nothing);
    // A: the uninstall first, then the revocation finds nothing.
    await bot.send(slack.appUninstalled({ team: WORKSPACE_A.team }));
    const revoked = await bot.send(slack.tokensRevoked({ team: WORKSPACE_A.team, bot: [WORKSPACE_A.team.botUserId] }));
    expect(revoked.status).toBe(200);
    expect(await remembered(WORKSPACE_A)).toEqual(nothing);

    // Installed again, it works again, with a fresh token.
    const token = await bot.install(WORKSPACE_B);
    bot.fake.reset();
    await mention(WORKSPACE_B);
    expect(bot.fake.delivered('chat.postMessage').map((post) => post.authorization)).toEqual([`Bearer ${token}`]);
  });

  it.skipIf(skip)("an org-wide uninstall deletes every workspace of the org, and only the org's", async () => {
    const grid = (teamId: string): Workspace => ({ teamId, enterpriseId: 'E0GRIDORG1' });
    for (const ws of [grid('T0GRIDA001'), grid('T0GRIDB001'), { teamId: 'T0ALONE001', enterpriseId: null }])
      await bot.deps.memory.save(ws, 'U0READER1', '2401.00001');
    const gone = await forgetWorkspace(bot.store, { enterpriseId: 'E0GRIDORG1', isEnterpriseInstall: true });
    expect(gone.saves).toBe(2);
    expect((await bot.store.db.selectFrom('saves').select('team_id').execute()).map((r) => r.team_id)).toEqual(['T0ALONE001']);
  });
});
