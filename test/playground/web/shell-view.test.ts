import { describe, expect, it } from 'vitest';
import { channelHtml, headerHtml, homeHtml, sidebarHtml, threadHtml } from '../../../src/playground/web/shell-view.js';
import { message, state, workspace } from './fixtures.js';
import { attr, tagsWith, visibleText } from './html-helpers.js';

const byTestId = (html: string, id: string) => tagsWith(html, 'data-testid', id);
const isActive = (tag: string | undefined) => (attr(tag ?? '', 'class') ?? '').split(' ').includes('pb-active');

describe('sidebarHtml', () => {
  it('lists the channels, the DM with the bot and the app, marking where the viewer is', () => {
    const html = sidebarHtml(workspace, { kind: 'channel', channelId: 'CGEN' });
    expect(visibleText(html)).toBe('Acme Research' + 'Channels#papers#general' + 'Direct messagesPPaperbot' + 'AppsPPaperbot');
    expect(attr(byTestId(html, 'sidebar-channel-papers')[0]!, 'data-nav')).toBe('CPAPERS');
    expect(attr(byTestId(html, 'sidebar-dm')[0]!, 'data-nav')).toBe('DBOT');
    expect(attr(byTestId(html, 'sidebar-app-home')[0]!, 'data-nav')).toBe('home');
    expect(isActive(byTestId(html, 'sidebar-channel-general')[0])).toBe(true);
    expect(isActive(byTestId(html, 'sidebar-channel-papers')[0])).toBe(false);
    expect(isActive(byTestId(sidebarHtml(workspace, { kind: 'home' }), 'sidebar-app-home')[0])).toBe(true);
  });
});

describe('headerHtml', () => {
  it('names a channel', () => {
    expect(visibleText(headerHtml(workspace, { kind: 'channel', channelId: 'CPAPERS' }))).toBe('# papers');
  });

  it('shows the app with Home and Messages tabs in its DM and Home', () => {
    const dm = headerHtml(workspace, { kind: 'channel', channelId: 'DBOT' });
    expect(visibleText(dm)).toBe('PPaperbotAPPHomeMessages');
    expect(isActive(byTestId(dm, 'tab-messages')[0])).toBe(true);
    expect(attr(byTestId(dm, 'tab-messages')[0]!, 'data-nav')).toBe('DBOT');
    const home = headerHtml(workspace, { kind: 'home' });
    expect(isActive(byTestId(home, 'tab-home')[0])).toBe(true);
    expect(isActive(byTestId(home, 'tab-messages')[0])).toBe(false);
  });
});

describe('channelHtml', () => {
  it('lists top-level messages with a replies link under thread parents', () => {
    const parent = message({ text: 'parent' });
    const s = state([parent, message({ text: 'the answer', threadTs: parent.ts, ts: '1764145000.000100' }), message({ text: 'other', channel: 'CGEN' })]);
    const html = channelHtml(s, 'CPAPERS');
    expect(byTestId(html, 'message')).toHaveLength(1);
    expect(visibleText(html)).toContain('parent');
    expect(visibleText(html)).not.toContain('the answer');
    expect(attr(byTestId(html, 'replies-link')[0]!, 'data-thread-ts')).toBe(parent.ts);
  });

  it('says when a channel is empty', () => {
    expect(visibleText(channelHtml(state([]), 'CPAPERS'))).toBe('No messages yet.');
  });
});

describe('homeHtml', () => {
  it('draws the published view', () => {
    const home = { blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Hi <@UME>' } }] };
    const html = homeHtml(state([], { home }));
    expect(byTestId(html, 'home-tab')).toHaveLength(1);
    expect(visibleText(html)).toBe('Hi @Alice');
  });

  it('waits visibly for a view that has not been published', () => {
    expect(visibleText(homeHtml(state([])))).toBe('Waiting for Paperbot to publish its Home tab…');
  });
});

describe('threadHtml', () => {
  it('shows the parent, the reply count and the replies in order', () => {
    const parent = message({ text: 'the card', bot: true });
    const r1 = message({ text: 'first', threadTs: parent.ts, ts: '1764145000.000100' });
    const r2 = message({ text: 'second', threadTs: parent.ts, ts: '1764145001.000100' });
    const html = threadHtml(state([r2, parent, r1]), workspace.channels[0], parent.ts);
    const text = visibleText(html);
    expect(text).toMatch(/^Thread # papers×/);
    expect(text.indexOf('the card')).toBeLessThan(text.indexOf('2 replies'));
    expect(text.indexOf('2 replies')).toBeLessThan(text.indexOf('first'));
    expect(text.indexOf('first')).toBeLessThan(text.indexOf('second'));
    expect(byTestId(html, 'thread-close')).toHaveLength(1);
    // The parent in the pane has no replies link of its own, as in Slack.
    expect(byTestId(html, 'replies-link')).toEqual([]);
  });
});
