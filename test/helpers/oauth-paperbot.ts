import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '@slack/bolt';
import { registerListeners } from '../../handlers/index.js';
import type { DigestPoster } from '../../src/digests/digest-poster.js';
import { type OAuthConfig, readConfig } from '../../src/env-config.js';
import { createLogger, type Logger } from '../../src/logger.js';
import { createApp, workspaceClients } from '../../src/slack/create-app.js';
import type { Deps, PaperbotContext } from '../../src/slack/deps.js';
import { webApiDigestPoster } from '../../src/slack/outbound/post-digest.js';
import { EXAMPLE_TEAM, type SlackBody } from '../../src/slack-stand-in/payloads.js';
import type { SlackTeam } from '../../src/slack-stand-in/types.js';
import { StoreInstallations, storeDepartures } from '../../src/store/installations.js';
import type { Store } from '../../src/store/open-store.js';
import { sealer } from '../../src/store/seal.js';
import { libraryDeps, type TestLibrary } from './deps.js';
import { FakeSlack } from './fake-slack.js';
import { SIGNING_SECRET, type SendOptions, type SentRequest, sendSigned } from './paperbot.js';

/** The app's OAuth credentials, as Slack's Basic Information page shows them (made up). */
export const CLIENT_ID = '4471528011.8235601987423';
export const CLIENT_SECRET = '3b1e2f9c0d7a4e6b8c5f1a2d9e0b7c64';
export const STATE_SECRET = 'paperbot-test-state-secret-0123456789';

/** A workspace Paperbot is installed in, as the tests see it: its team, name and bot. */
export interface TestWorkspace {
  team: SlackTeam;
  name: string;
}

/** The workspace of Slack's examples (where the payload builders' people and channels are). */
export const WORKSPACE_A: TestWorkspace = { team: EXAMPLE_TEAM, name: 'Example' };
/** A second workspace, with a bot of its own. */
export const WORKSPACE_B: TestWorkspace = {
  team: { teamId: 'T0SECONDLB', domain: 'second-lab', appId: EXAMPLE_TEAM.appId, botUserId: 'U0PAPERBT2', botId: 'B0PAPERBT2' },
  name: 'Second <Lab> & Co',
};

/** What `GET /slack/install` gave: the page, Slack's authorize URL on it, and the state cookie it set. */
export interface InstallStart {
  status: number;
  html: string;
  authorizeUrl: URL;
  /** The `slack-app-oauth-state` cookie's value. */
  stateCookie: string;
}

export interface OAuthPaperbot {
  url: string;
  fake: FakeSlack;
  config: OAuthConfig;
  deps: Deps;
  library: TestLibrary;
  store: Store;
  installations: StoreInstallations;
  app: App<PaperbotContext>;
  logger: Logger;
  logs: Record<string, any>[];
  /** Digests through the Web API with each workspace's token, as main posts them in OAuth mode. */
  digestPoster: DigestPoster;
  /** POSTs a body to /slack/events, signed as Slack signs it. */
  send(body: SlackBody, sign?: SendOptions): Promise<SentRequest>;
  /** A browser's GET (no redirect followed), with a cookie when given. */
  get(path: string, cookie?: string): Promise<Response>;
  /** Opens `/slack/install` and reads the page. */
  startInstall(): Promise<InstallStart>;
  /** The whole install of `ws`, as a person does it: open the install page, Allow on Slack's page, follow the redirect back. Returns the bot token Slack issued. */
  install(ws: TestWorkspace): Promise<string>;
  close(): Promise<void>;
}

/** The value of cookie `name` in a response's Set-Cookie headers. */
export function cookieValue(res: Response, name: string): string | undefined {
  for (const header of res.headers.getSetCookie()) {
    const [pair] = header.split(';');
    const [key, ...value] = (pair ?? '').split('=');
    if (key?.trim() === name) return value.join('=').trim();
  }
  return undefined;
}

const unescapeHtml = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/**
 * Paperbot in OAuth mode end to end, composed as `main` composes it: settings read by readConfig
 * (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET, PAPERBOT_ENCRYPTION_KEY), the real
 * library and store (SQLite by default; `env.DATABASE_URL` for Postgres), the installations
 * sealed in it, the real Bolt HTTP receiver behind Paperbot's guard on a free port, and the
 * Slack stand-in answering the Web API, `oauth.v2.access` included.
 */
export async function startOAuthPaperbot(options: { env?: Record<string, string>; encryptionKey?: string } = {}): Promise<OAuthPaperbot> {
  const fake = await new FakeSlack({ oauthApp: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET } }).start();
  const config = readConfig({
    SLACK_CLIENT_ID: CLIENT_ID,
    SLACK_CLIENT_SECRET: CLIENT_SECRET,
    SLACK_STATE_SECRET: STATE_SECRET,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    PAPERBOT_ENCRYPTION_KEY: options.encryptionKey ?? randomBytes(32).toString('base64'),
    SLACK_API_URL: fake.apiUrl,
    PORT: '0',
    LOG_LEVEL: 'debug',
  }) as OAuthConfig;
  const logs: Record<string, any>[] = [];
  const logger = createLogger({ level: config.logLevel, destination: { write: (line: string) => logs.push(JSON.parse(line)) } });
  const library = await libraryDeps(logger, { PAPERBOT_SOURCES: 'none', ...options.env });
  const { deps } = library;
  const store = library.library.store;
  // As main composes OAuth mode.
  const installations = new StoreInstallations(store, sealer(config.oauth.encryptionKey));
  deps.departures = storeDepartures(store);
  const app = createApp({
    config,
    deps,
    logger,
    installationStore: installations,
    listeners: registerListeners,
    processBeforeResponse: true,
    clientOptions: { retryConfig: { retries: 0 } },
  });
  const digestPoster = webApiDigestPoster(workspaceClients(app, (ws) => installations.botTokenFor(ws)));
  const server = (await app.start(0)) as Server;
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const get = (path: string, cookie?: string) => fetch(`${url}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
  async function startInstall(): Promise<InstallStart> {
    const res = await get('/slack/install');
    const html = await res.text();
    const href = /href="(https:\/\/slack\.com\/oauth\/v2\/authorize[^"]*)"/.exec(html)?.[1];
    if (!href) throw new Error(`no authorize link on the install page: ${html.slice(0, 500)}`);
    return { status: res.status, html, authorizeUrl: new URL(unescapeHtml(href)), stateCookie: cookieValue(res, 'slack-app-oauth-state') ?? '' };
  }

  return {
    url,
    fake,
    config,
    deps,
    library,
    store,
    installations,
    app,
    logger,
    logs,
    digestPoster,
    send: (request, sign) => sendSigned(url, fake, request, sign),
    get,
    startInstall,
    async install(ws) {
      const start = await startInstall();
      const code = fake.grantInstall({
        team: { id: ws.team.teamId, name: ws.name },
        bot: { userId: ws.team.botUserId, botId: ws.team.botId },
        appId: ws.team.appId,
        userId: 'U0INSTALLR',
        scopes: (start.authorizeUrl.searchParams.get('scope') ?? '').split(','),
      });
      const state = start.authorizeUrl.searchParams.get('state') ?? '';
      const back = await get(
        `/slack/oauth_redirect?code=${encodeURIComponent(code)}&state=${encodeURIComponent(state)}`,
        `slack-app-oauth-state=${start.stateCookie}`,
      );
      const page = await back.text();
      if (back.status !== 200) throw new Error(`install of ${ws.team.teamId} failed: ${back.status} ${page.slice(0, 500)}`);
      const exchanged = fake.api('oauth.v2.access').at(-1)?.response;
      if (!exchanged?.['ok']) throw new Error(`oauth.v2.access did not succeed: ${JSON.stringify(exchanged)}`);
      return exchanged['access_token'] as string;
    },
    async close() {
      await app.stop();
      await fake.stop();
      await library.remove();
    },
  };
}
