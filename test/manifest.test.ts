import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SLACK_APP, SLACK_OAUTH } from '../src/config.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { readShared } from './helpers/shared-dir.js';

const manifestText = readFileSync(join(PROJECT_ROOT, 'manifest.yml'), 'utf8');
const manifest = parse(manifestText);
// Slack's schema uses a non-standard `regex` keyword: strict off, formats off.
const validate = new Ajv({ strict: false, validateFormats: false, allErrors: true }).compile(JSON.parse(readShared('slack', 'manifest.schema.1.0.0.json')));

describe('manifest.yml', () => {
  it("is valid against Slack's manifest schema", () => {
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('is checked by the schema for real (a broken copy fails)', () => {
    const broken = structuredClone(manifest);
    broken.display_information.long_description = 'too short';
    broken.settings.unknown_key = true;
    expect(validate(broken)).toBe(false);
  });

  it('declares what the app listens for: /paper with a usage hint, the Find papers shortcut, Home and Messages tabs', () => {
    const [command] = manifest.features.slash_commands;
    expect(command.command).toBe(SLACK_APP.command);
    expect(command.usage_hint).toMatch(/author:/);
    expect(manifest.features.shortcuts).toEqual([expect.objectContaining({ type: 'message', callback_id: SLACK_APP.shortcutCallbackId, name: 'Find papers' })]);
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
    expect(manifest.features.bot_user.display_name).toBe('Paperbot');
    const long = manifest.display_information.long_description as string;
    expect(long.length).toBeGreaterThanOrEqual(175);
    expect(long.length).toBeLessThanOrEqual(4000);
  });

  it('asks for the events and scopes those surfaces need, and no more', () => {
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual([
      'app_home_opened',
      'app_mention',
      'app_uninstalled',
      'link_shared',
      'message.channels',
      'message.groups',
      'message.im',
      'tokens_revoked',
    ]);
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual([
      'app_mentions:read',
      'channels:history',
      'chat:write',
      'chat:write.public',
      'commands',
      'groups:history',
      'im:history',
      'links:read',
      'links:write',
    ]);
    // An OAuth install asks for exactly these (src/config.ts): one list in the code, kept equal to the manifest's.
    expect([...SLACK_OAUTH.botScopes].sort()).toEqual([...manifest.oauth_config.scopes.bot].sort());
    expect(new Set(SLACK_OAUTH.botScopes).size).toBe(SLACK_OAUTH.botScopes.length);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    // Link previews: bare hosts only (a domain covers its subdomains and paths), at most five.
    expect(manifest.features.unfurl_domains).toEqual(['arxiv.org', 'huggingface.co']);
  });

  it('uses Socket Mode by default, and its comments really switch it to HTTP mode', () => {
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    const http = parse(
      manifestText
        .replace(/# (url|request_url): https:\/\/YOUR-HOST/g, '$1: https://paperbot.example.org')
        .replace('socket_mode_enabled: true', 'socket_mode_enabled: false'),
    );
    expect(validate(http)).toBe(true);
    const endpoint = `https://paperbot.example.org${SLACK_APP.eventsPath}`;
    expect(http.features.slash_commands[0].url).toBe(endpoint);
    expect(http.settings.event_subscriptions.request_url).toBe(endpoint);
    expect(http.settings.interactivity.request_url).toBe(endpoint);
  });

  it("its redirect_urls comment, uncommented, names the installer's redirect path (OAuth mode)", () => {
    const oauth = parse(manifestText.replace('# redirect_urls:', 'redirect_urls:').replace('#   - https://YOUR-HOST', '  - https://paperbot.example.org'));
    expect(validate(oauth)).toBe(true);
    expect(oauth.oauth_config.redirect_urls).toEqual([`https://paperbot.example.org${SLACK_OAUTH.redirectPath}`]);
  });
});
