import { webApi } from '@slack/bolt';
import { beforeEach, describe, expect, it } from 'vitest';
import { PLAYGROUND } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { Workspace } from '../../src/playground/workspace.js';
import { inProcessSlack, type InProcessSlack } from '../../src/slack-stand-in/in-process-fetch.js';
import { type InstallGrant, WebApiModel } from '../../src/slack-stand-in/web-api-model.js';

/**
 * The stand-in's `oauth.v2.access`, called through Slack's own client as Bolt's installer calls
 * it: the app's client id and secret, and a code from the authorize page, exchanged once.
 */

const APP = { clientId: '4471528011.8235601987423', clientSecret: '3b1e2f9c0d7a4e6b8c5f1a2d9e0b7c64' };
const GRANT: InstallGrant = {
  team: { id: 'T0SECONDLB', name: 'Second lab' },
  bot: { userId: 'U0PAPERBT2', botId: 'B0PAPERBT2' },
  appId: 'A0PAPERBOT',
  userId: 'U0INSTALLR',
  scopes: ['commands', 'chat:write'],
};

let model: WebApiModel;
let slack: InProcessSlack;
const client = (token?: string) =>
  new webApi.WebClient(token, { slackApiUrl: slack.apiUrl, fetch: slack.fetch, retryConfig: { retries: 0 }, logLevel: webApi.LogLevel.ERROR });
const slackError = (promise: Promise<unknown>) =>
  promise.then(
    () => 'no error',
    (e: { data?: { error?: string } }) => e.data?.error ?? String(e),
  );

beforeEach(() => {
  model = new WebApiModel(new Workspace(PLAYGROUND.workspace), { token: 'xoxb-playground-test', oauthApp: APP });
  slack = inProcessSlack({ model, origin: PLAYGROUND.origin, logger: createLogger({ level: 'silent' }) });
});

describe('oauth.v2.access', () => {
  it("answers a granted code as Slack does: the workspace's new bot token, once", async () => {
    const code = model.grantInstall(GRANT);
    const answer = await client().oauth.v2.access({ client_id: APP.clientId, client_secret: APP.clientSecret, code });
    expect(answer).toMatchObject({
      ok: true,
      token_type: 'bot',
      scope: 'commands,chat:write',
      bot_user_id: GRANT.bot.userId,
      app_id: GRANT.appId,
      team: GRANT.team,
      enterprise: null,
      is_enterprise_install: false,
      authed_user: { id: GRANT.userId },
    });
    expect(answer.access_token).toMatch(/^xoxb-\d{12}-\d{13}-[A-Za-z0-9]{24}$/);
    // The token works, and says whose it is.
    expect(await client(answer.access_token).auth.test()).toMatchObject({
      ok: true,
      team_id: GRANT.team.id,
      user_id: GRANT.bot.userId,
      bot_id: GRANT.bot.botId,
    });
    // A code is good for one exchange.
    expect(await slackError(client().oauth.v2.access({ client_id: APP.clientId, client_secret: APP.clientSecret, code }))).toBe('invalid_code');
    // Each install gets a token of its own.
    const again = await client().oauth.v2.access({ client_id: APP.clientId, client_secret: APP.clientSecret, code: model.grantInstall(GRANT) });
    expect(again.access_token).not.toBe(answer.access_token);
  });

  it('refuses a code it never gave, and credentials that are not the app’s', async () => {
    const code = model.grantInstall(GRANT);
    expect(await slackError(client().oauth.v2.access({ client_id: APP.clientId, client_secret: APP.clientSecret, code: 'made-up' }))).toBe('invalid_code');
    expect(await slackError(client().oauth.v2.access({ client_id: '1.2', client_secret: APP.clientSecret, code }))).toBe('invalid_client_id');
    expect(await slackError(client().oauth.v2.access({ client_id: APP.clientId, client_secret: 'wrong-secret', code }))).toBe('bad_client_secret');
    // Those refusals did not use the code up.
    expect(await client().oauth.v2.access({ client_id: APP.clientId, client_secret: APP.clientSecret, code })).toMatchObject({ ok: true });
    expect(await slackError(client('xoxb-never-issued').auth.test())).toBe('invalid_auth');
  });
});
