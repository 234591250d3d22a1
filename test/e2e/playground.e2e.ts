import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerListeners } from '../../handlers/index.js';
import type { Deps } from '../../src/slack/deps.js';
import { PLAYGROUND } from '../../src/config.js';
import { readConfig, type LocalConfig } from '../../src/env-config.js';
import { createLogger } from '../../src/logger.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { startPlayground, type Playground } from '../../src/playground/start.js';
import { realDeps } from '../playground/harness.js';
import { launchChromium } from './browser.js';

/**
 * The playground in a real browser: the page as built by `npm run build`, the real app behind
 * it. Types what a person types, clicks what they click, and reads what they would see.
 * Saves a screenshot to test-results/playground.png, or where PLAYGROUND_SCREENSHOT says
 * (`PLAYGROUND_SCREENSHOT=docs/playground.png npm run test:e2e` refreshes the README's).
 */

const SCREENSHOT = resolve(PROJECT_ROOT, process.env['PLAYGROUND_SCREENSHOT'] ?? 'test-results/playground.png');
const VIEWPORT = { width: 1280, height: 800 };

let playground: Playground;
let browser: Browser;
let page: Page;
let deps: Deps;
const logs: Record<string, any>[] = [];
const browserErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(join(PROJECT_ROOT, 'dist', 'playground-web', 'app.js'))) {
    throw new Error('The page is not built: run `npm run test:e2e` (it builds first) or `npm run build`.');
  }
  deps = realDeps();
  const logger = createLogger({ level: 'info', destination: { write: (line: string) => void logs.push(JSON.parse(line)) } });
  playground = await startPlayground({ deps, logger, config: readConfig({ PORT: '0' }) as LocalConfig, listeners: registerListeners });
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: VIEWPORT });
  const base = `http://localhost:${playground.port}/`;
  // The page is ours alone: nothing it does may reach the internet.
  await context.route('**/*', (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
  page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') browserErrors.push(message.text());
  });
  page.on('pageerror', (error) => browserErrors.push(error.message));
  await page.goto(base);
});

afterAll(async () => {
  await browser?.close();
  await playground?.stop();
});

const messages = () => page.getByTestId('message-list').getByTestId('message');
const ephemeral = () => messages().filter({ has: page.getByTestId('ephemeral-label') });
const threadMessages = () => page.getByTestId('thread-messages').getByTestId('message');
const flat = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

async function send(text: string): Promise<void> {
  const input = page.getByTestId('composer-input');
  await input.fill(text);
  await input.press('Enter');
  // Cleared once the server has it.
  await expect.poll(() => input.inputValue()).toBe('');
}

async function shareValues(message: Locator): Promise<string[]> {
  return message.getByTestId('button-paper_share').evaluateAll((buttons) => buttons.map((b) => (b as HTMLElement).dataset['value'] ?? ''));
}

describe('the playground in Chromium', () => {
  it('opens on #papers of the made-up workspace', async () => {
    await expect.poll(() => page.getByTestId('channel-title').textContent()).toContain('papers');
    expect(await page.getByTestId('team-name').textContent()).toBe(PLAYGROUND.workspace.teamName);
  });

  it('/paper long context: results only the viewer sees, each with Share', async () => {
    await send('/paper long context');
    await ephemeral().first().waitFor();
    const results = ephemeral().first();
    expect(flat(await results.textContent())).toMatch(/long context/i);
    expect(await results.getByTestId('ephemeral-label').textContent()).toContain('Only visible to you');
    expect((await shareValues(results)).length).toBeGreaterThan(1);
  });

  it('Share: the card in the channel for everyone, its abstract in the card’s thread', async () => {
    const results = ephemeral().first();
    const [paperId] = await shareValues(results);
    const paper = deps.search.get(paperId!)!;
    await results.getByTestId('button-paper_share').first().click();

    const card = messages()
      .filter({ hasNot: page.getByTestId('ephemeral-label') })
      .filter({ has: page.getByTestId('app-badge') })
      .last();
    await card.getByTestId('replies-link').waitFor();
    expect(flat(await card.textContent())).toContain(`Shared by @${PLAYGROUND.workspace.me.name}`);
    expect(flat(await card.textContent())).toContain(flat(paper.title).slice(0, 40));
    // The results say so, in place.
    await expect.poll(async () => flat(await results.textContent())).toContain('Shared to the channel');

    await card.getByTestId('replies-link').click();
    await page.getByTestId('thread-pane').waitFor();
    await expect.poll(() => threadMessages().count()).toBe(2);
    const abstract = flat(await threadMessages().nth(1).textContent());
    expect(abstract).toContain('Abstract');
    const firstWords = paper.abstract
      .split(/\s+/)
      .filter((w) => /^[A-Za-z]+[,.]?$/.test(w))
      .slice(0, 5);
    for (const word of firstWords) expect(abstract).toContain(word);
  });

  it('looks like Slack (saved as a screenshot)', async () => {
    // The channel at its newest (the shared card), the thread from its top (the card, then the abstract).
    await page.getByTestId('message-list').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await page.locator('#thread-body').evaluate((el) => (el.scrollTop = 0));
    // No message hovered: its "More actions" button would show.
    await page.mouse.move(0, VIEWPORT.height - 1);
    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    const png = readFileSync(SCREENSHOT);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([VIEWPORT.width, VIEWPORT.height]);
  });

  it('More results: the same ephemeral message turns to the next page', async () => {
    await page.getByTestId('thread-close').click();
    const results = ephemeral().first();
    const before = await shareValues(results);
    await results.getByTestId('button-results_more').click();
    await expect.poll(async () => (await shareValues(results))[0]).not.toBe(before[0]);
    expect(await ephemeral().count()).toBe(1);
  });

  it('@Paperbot in #general: the mention shows as one, and results arrive in its thread', async () => {
    await page.getByTestId('sidebar-channel-general').click();
    await expect.poll(() => page.getByTestId('channel-title').textContent()).toContain('general');
    await send('@Paperbot anything on quantization?');
    const asked = messages().filter({ hasText: 'anything on quantization?' });
    expect(flat(await asked.textContent())).toContain('@Paperbot anything on quantization?');
    await asked.getByTestId('replies-link').click();
    await expect.poll(() => threadMessages().count()).toBe(2);
    const reply = threadMessages().nth(1);
    expect(flat(await reply.textContent())).toMatch(/quantiz/i);
    expect(await reply.getByTestId('button-paper_share').count()).toBeGreaterThan(0);
  });

  it('/paper random: the die is drawn as an emoji, not as :game_die:', async () => {
    await page.getByTestId('sidebar-channel-papers').click();
    await send('/paper random');
    const random = ephemeral().filter({ hasText: 'A random paper' }).last();
    await random.waitFor();
    const text = flat(await random.textContent());
    expect(text).toContain('🎲 A random paper from the corpus');
    expect(text).not.toContain(':game_die:');
  });

  it('what you type goes out as Slack sends it: a link, a channel reference, a broadcast', async () => {
    await page.getByTestId('sidebar-channel-general').click();
    await send('see https://arxiv.org/abs/1706.03762, over in #papers @here');
    const typed = messages().filter({ hasText: 'over in' }).last();
    await expect.poll(async () => (await typed.locator('a.mk-link').getAttribute('href')) ?? '').toBe('https://arxiv.org/abs/1706.03762');
    expect(await typed.locator('.mk-channel').textContent()).toBe('#papers');
    expect(await typed.locator('.mk-broadcast').textContent()).toBe('@here');
  });

  it('More actions → Find papers on a message: the answer arrives in its thread', async () => {
    await send('Has anyone read about speech recognition lately?');
    const asked = messages().filter({ hasText: 'Has anyone read about speech recognition' }).last();
    await asked.getByTestId('message-actions').click();
    await page.getByTestId('message-actions-menu').getByTestId('shortcut-find_papers').click();
    await expect.poll(() => page.getByTestId('message-actions-menu').isHidden()).toBe(true);
    await asked.getByTestId('replies-link').click();
    await expect.poll(() => threadMessages().count()).toBe(2);
    const reply = threadMessages().nth(1);
    expect(flat(await reply.textContent())).toMatch(/speech/i);
    expect(await reply.getByTestId('button-paper_share').count()).toBeGreaterThan(0);
    await page.getByTestId('thread-close').click();
  });

  it('a DM to Paperbot is answered right there; Share asks which channel, and picking one shares it there', async () => {
    await page.getByTestId('sidebar-dm').click();
    await send('speech recognition');
    const answer = messages()
      .filter({ has: page.getByTestId('app-badge') })
      .filter({ has: page.getByTestId('button-paper_share') })
      .last();
    await answer.waitFor();
    expect(await answer.getByTestId('replies-link').count()).toBe(0);
    const [paperId] = await shareValues(answer);
    await answer.getByTestId('button-paper_share').first().click();
    const picker = page.getByTestId('select-paper_share_to');
    await picker.waitFor();
    await picker.selectOption({ label: '#papers' });
    await expect.poll(async () => flat(await ephemeral().last().textContent())).toContain('to the channel you picked');

    await page.getByTestId('sidebar-channel-papers').click();
    const shared = messages()
      .filter({ hasText: `Shared by @${PLAYGROUND.workspace.me.name}` })
      .last();
    await expect.poll(async () => flat(await shared.textContent())).toContain(flat(deps.search.get(paperId!)!.title).slice(0, 30));
  });

  it('draws emoji in colour and CJK text as real glyphs (the fonts are installed)', async () => {
    const drawn = await page.evaluate(() => {
      const draw = (text: string) => {
        const canvas = document.createElement('canvas');
        canvas.width = canvas.height = 64;
        const g = canvas.getContext('2d')!;
        g.font = '48px sans-serif';
        g.textBaseline = 'top';
        g.fillText(text, 4, 4);
        return Array.from(g.getImageData(0, 0, 64, 64).data);
      };
      const pixels = (data: number[]) => Array.from({ length: data.length / 4 }, (_, i) => data.slice(i * 4, i * 4 + 4));
      // A red apple: a colour emoji font paints most of it red; any other font, grey or nothing.
      const coloured = pixels(draw('🍎')).filter(([r = 0, g = 0, b = 0, a = 0]) => a > 0 && Math.max(r, g, b) - Math.min(r, g, b) > 60).length;
      const [lun, wen] = [draw('論'), draw('文')];
      return { coloured, cjkDiffer: lun.some((v, i) => v !== wen[i]), cjkInk: lun.some((v, i) => i % 4 === 3 && v > 0) };
    });
    // A missing emoji font draws an outline box: no colour. A missing CJK font draws the same box for every character.
    expect(drawn.coloured).toBeGreaterThan(500);
    expect(drawn).toMatchObject({ cjkDiffer: true, cjkInk: true });
  });

  it('answers the browser’s favicon and a health check', async () => {
    const origin = new URL(page.url()).origin;
    const [favicon, health] = await Promise.all([page.request.get(`${origin}/favicon.ico`), page.request.get(`${origin}/healthz`)]);
    expect([favicon.status(), favicon.headers()['content-type']]).toEqual([200, 'image/svg+xml']);
    expect(await health.json()).toMatchObject({ status: 'ok' });
  });

  it('ran without a browser error or a failed listener', () => {
    expect(browserErrors).toEqual([]);
    expect(logs.filter((l) => l.level >= 50)).toEqual([]);
  });
});
