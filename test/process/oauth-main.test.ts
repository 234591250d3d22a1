import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SLACK_OAUTH } from '../../src/config.js';
import * as slack from '../../src/slack-stand-in/payloads.js';
import { signedHeaders } from '../../src/slack-stand-in/sign.js';
import { builtApp } from '../helpers/built-app.js';
import { startChild } from '../helpers/child.js';
import { FakeSlack } from '../helpers/fake-slack.js';
import { CLIENT_ID, CLIENT_SECRET, cookieValue, STATE_SECRET, WORKSPACE_B } from '../helpers/oauth-paperbot.js';
import { SIGNING_SECRET } from '../helpers/paperbot.js';

// `node dist/src/main.js` in OAuth mode, as a server runs it: no SLACK_BOT_TOKEN (and so no
// auth.test at start), the installer at /slack/install, and a workspace installed through it
// answered with its own token.
const fake = new FakeSlack({ oauthApp: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET } });
const app = builtApp(fake, 'paperbot-oauth-');

const env = (more: Record<string, string> = {}) => ({
  PAPERBOT_ENV_FILE: app.envFile,
  LOG_LEVEL: 'info',
  DATABASE_URL: `sqlite:${join(app.dir, `db-${randomBytes(4).toString('hex')}.sqlite`)}`,
  PAPERBOT_SOURCES: 'none',
  PORT: '0',
  SLACK_API_URL: fake.apiUrl,
  SLACK_CLIENT_ID: CLIENT_ID,
  SLACK_CLIENT_SECRET: CLIENT_SECRET,
  SLACK_STATE_SECRET: STATE_SECRET,
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  PAPERBOT_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  ...more,
});

describe('main in OAuth mode', () => {
  it('starts with no bot token, installs a workspace through /slack/install, and answers it with its own token', async () => {
    fake.reset();
    const child = startChild(app.main, env());
    try {
      const started = await child.waitFor((l) => /^Paperbot is running/.test(l.msg), 'started');
      expect(started).toMatchObject({ mode: 'oauth', install: SLACK_OAUTH.installPath });
      // Nobody's token to check at start: each workspace's comes with its installation.
      expect(fake.api('auth.test')).toEqual([]);
      const url = `http://127.0.0.1:${started.port}`;

      const page = await fetch(`${url}/slack/install`);
      const state = cookieValue(page, 'slack-app-oauth-state')!;
      expect(await page.text()).toContain(`state=${state}`);
      const code = fake.grantInstall({
        team: { id: WORKSPACE_B.team.teamId, name: WORKSPACE_B.name },
        bot: { userId: WORKSPACE_B.team.botUserId, botId: WORKSPACE_B.team.botId },
        appId: WORKSPACE_B.team.appId,
        userId: 'U0INSTALLR',
        scopes: [...SLACK_OAUTH.botScopes],
      });
      const back = await fetch(`${url}/slack/oauth_redirect?code=${encodeURIComponent(code)}&state=${encodeURIComponent(state)}`, {
        headers: { cookie: `slack-app-oauth-state=${state}` },
      });
      expect(back.status).toBe(200);
      const token = fake.api('oauth.v2.access')[0]?.response?.['access_token'];
      expect(token).toMatch(/^xoxb-/);

      const { body, contentType } = slack.appMention({ team: WORKSPACE_B.team, text: `<@${WORKSPACE_B.team.botUserId}> diffusion`, channel: 'C0GENERAL1' });
      expect((await fetch(`${url}/slack/events`, { method: 'POST', headers: signedHeaders(SIGNING_SECRET, body, contentType), body })).status).toBe(200);
      const post = await fake.waitFor((call) => call.method === 'chat.postMessage');
      expect(post.authorization).toBe(`Bearer ${token}`);

      child.process.kill('SIGTERM');
      expect(await child.exited).toBe(0);
      // The token never reaches the log.
      expect(JSON.stringify(child.logs)).not.toContain(String(token).slice(5));
    } finally {
      child.process.kill('SIGKILL');
    }
  });

  it('refuses to start without PAPERBOT_ENCRYPTION_KEY, saying how to make one', async () => {
    const child = startChild(app.main, env({ PAPERBOT_ENCRYPTION_KEY: 'not-a-key' }));
    try {
      expect(await child.exited).toBe(1);
      const said = child.other.join('\n');
      expect(said).toMatch(/^Paperbot's settings are incomplete or invalid:/);
      expect(said).toMatch(/PAPERBOT_ENCRYPTION_KEY must be 32 random bytes in base64 \(44 characters: openssl rand -base64 32\)/);
      expect(said).not.toContain('not-a-key');
    } finally {
      child.process.kill('SIGKILL');
    }
  });
});
