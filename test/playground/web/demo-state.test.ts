import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { State } from '../../../src/playground/web/api-types.js';
import { channelHtml, homeHtml, threadHtml } from '../../../src/playground/web/shell-view.js';
import { isReply } from '../../../src/playground/web/threads.js';
import { tagsWith } from './html-helpers.js';

// The page opened with ?demo shows this file; it must stay a valid state that draws cleanly.
const demo = JSON.parse(readFileSync(new URL('../../../src/playground/web/demo-state.json', import.meta.url), 'utf8')) as State;

describe('demo-state.json', () => {
  it('has the shape of the state contract', () => {
    expect(demo.version).toBeTypeOf('number');
    expect(Object.keys(demo.workspace).sort()).toEqual(['botName', 'botUserId', 'channels', 'me', 'teamName', 'users']);
    for (const m of demo.messages) {
      expect(m.id && m.channel && m.ts).toBeTruthy();
      expect(m.bot).toBeTypeOf('boolean');
      expect(m.ephemeral).toBeTypeOf('boolean');
      expect(m.text).toBeTypeOf('string');
      expect(demo.workspace.channels.map((c) => c.id)).toContain(m.channel);
    }
  });

  it('shows an ephemeral /paper result, a shared card with a reply, and a Home view', () => {
    const result = demo.messages.find((m) => m.ephemeral && m.bot);
    expect(result?.blocks?.map((b) => b.type)).toEqual(expect.arrayContaining(['header', 'section', 'context', 'actions']));
    const reply = demo.messages.find(isReply);
    expect(demo.messages.some((m) => m.ts === reply?.threadTs && m.channel === reply.channel && m.bot)).toBe(true);
    expect(demo.home?.blocks.length).toBeGreaterThan(0);
  });

  it('draws every channel, thread and the Home tab without unsupported blocks', () => {
    const html = [
      ...demo.workspace.channels.map((c) => channelHtml(demo, c.id)),
      ...demo.messages.filter(isReply).map((r) =>
        threadHtml(
          demo,
          demo.workspace.channels.find((c) => c.id === r.channel),
          r.threadTs!,
        ),
      ),
      homeHtml(demo),
    ].join('');
    expect(tagsWith(html, 'data-testid', 'unsupported-block')).toEqual([]);
    expect(tagsWith(html, 'data-testid', 'replies-link')).toHaveLength(1);
  });
});
