import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSource } from '../../src/sources/source.js';
import { textOf } from '../helpers/blocks.js';
import { appHomeOpened, appMention, directMessage, slashCommand } from '../helpers/payloads.js';
import { startPaperbot, type Paperbot } from '../helpers/paperbot.js';
import { startReplayServer, type ReplayServer } from '../sources/replay-server.js';
import { replayApis, settingsFor } from '../sources/routes.js';

/**
 * Where the papers come from, as help, the Home tab and the bare-mention reply say it: as a
 * person would name it, never a file name; with live sources, those too, and on the Home tab how
 * fresh each one is. Through the real Bolt receiver and the real library.
 */

let offline: Paperbot;
let online: Paperbot;
let hf: ReplayServer;
beforeAll(async () => {
  hf = await startReplayServer(replayApis);
  offline = await startPaperbot();
  online = await startPaperbot({ env: { PAPERBOT_SOURCES: 'hf-daily', HF_API_URL: hf.origin } });
});
afterAll(async () => {
  await offline.close();
  await online.close();
  await hf.close();
});
afterEach(() => {
  expect(offline.fake.drain()).toEqual([]);
  expect(online.fake.drain()).toEqual([]);
});

/** Help, the Home tab, a bare mention and an empty DM, as posted. */
async function everyPlaceThatSays(bot: Paperbot): Promise<Record<string, string>> {
  const help = await bot.send(slashCommand({ text: 'help', responseUrl: bot.fake.responseUrl() }));
  await bot.send(appHomeOpened({ user: 'U0READER01' }));
  await bot.send(appMention({ words: '', channel: 'C0LAN2Q65' }));
  await bot.send(directMessage({ text: '', channel: 'D0PAPERDM', user: 'U0READER01' }));
  const [mention, dm] = bot.fake.api('chat.postMessage').map((c) => textOf(c.params));
  return { help: textOf(help.json), home: textOf(bot.fake.api('views.publish')[0]!.params.view), mention: mention!, dm: dm! };
}

describe('where the papers come from', () => {
  it('help, the Home tab and the short hints name the saved page as a person would, never its file', async () => {
    const said = await everyPlaceThatSays(offline);
    for (const [where, text] of Object.entries(said)) {
      expect(text, where).toMatch(/\*99 papers\* \([A-Z][a-z]{2} \d{4} – [A-Z][a-z]{2} \d{4}\) from a saved Hugging Face papers page\b/);
      expect(text, where).not.toMatch(/\.txt|\bpage:\w|hf-papers|bundled/);
    }
    // Offline there is no live source, so the Home tab promises no freshness.
    expect(said['home']).not.toContain('last fetched');
  });

  it('names the live sources too, and the Home tab says how fresh each is', async () => {
    const before = await everyPlaceThatSays(online);
    expect(before['help']).toMatch(/from a saved Hugging Face papers page and Hugging Face daily papers/);
    expect(before['home']).toContain('Hugging Face daily papers: not fetched yet');
    online.fake.reset();

    await online.library.scheduler.runOnce(createSource('hf-daily', settingsFor(hf.origin)));
    await online.send(appHomeOpened({ user: 'U0READER01' }));
    const home = textOf(online.fake.api('views.publish')[0]!.params.view);
    expect(home).toMatch(/Hugging Face daily papers: last fetched \d{1,2} [A-Z][a-z]{2}, \d{2}:\d{2} UTC/);
  });

  it('publishes the Home tab even when the store cannot say how fresh the sources are', async () => {
    const status = offline.deps.status;
    offline.deps.status = () => Promise.reject(new Error('store unavailable'));
    try {
      await offline.send(appHomeOpened({ user: 'U0READER02' }));
    } finally {
      offline.deps.status = status;
    }
    expect(textOf(offline.fake.api('views.publish')[0]!.params.view)).toContain('from a saved Hugging Face papers page');
    expect(offline.logs.some((l) => /could not read the sources/.test(l.msg))).toBe(true);
  });
});
