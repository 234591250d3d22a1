import { describe, expect, it } from 'vitest';
import { formatTime, initials, messageActionsMenuHtml, messageToHtml } from '../../../src/playground/web/message-view.js';
import { message, workspace } from './fixtures.js';
import { attr, tagsWith, visibleText } from './html-helpers.js';

const byTestId = (html: string, id: string) => tagsWith(html, 'data-testid', id);

describe('messageToHtml', () => {
  it('shows a user message under the user name, without an APP badge', () => {
    const html = messageToHtml(message({ userId: 'UBOB', text: 'morning' }), workspace);
    expect(visibleText(html.match(/<span class="pb-sender"[^>]*>.*?<\/span>/)![0])).toBe('Bob Chen');
    expect(byTestId(html, 'app-badge')).toEqual([]);
    expect(visibleText(html)).toContain('morning');
  });

  it('shows a bot message as the bot, with an APP badge', () => {
    const html = messageToHtml(message({ bot: true, userId: 'UBOT' }), workspace);
    expect(visibleText(html)).toMatch(/^PPaperbotAPP/);
    expect(byTestId(html, 'app-badge')).toHaveLength(1);
  });

  it('falls back to the user id for someone the workspace does not know', () => {
    expect(visibleText(messageToHtml(message({ userId: 'UNEW' }), workspace))).toContain('UNEW');
  });

  it('identifies the message by id and ts for clicks and threads', () => {
    const m = message();
    const [tag] = byTestId(messageToHtml(m, workspace), 'message');
    expect(attr(tag!, 'data-message-id')).toBe(m.id);
    expect(attr(tag!, 'data-ts')).toBe(m.ts);
  });

  it('offers the app’s message shortcuts under "More actions", on every message but an ephemeral one', () => {
    const withShortcuts = { ...workspace, shortcuts: [{ callbackId: 'find_papers', name: 'Find papers' }] };
    const m = message();
    expect(byTestId(messageToHtml(m, withShortcuts), 'message-actions')).toHaveLength(1);
    expect(byTestId(messageToHtml(message({ ephemeral: true, bot: true }), withShortcuts), 'message-actions')).toEqual([]);
    expect(byTestId(messageToHtml(m, workspace), 'message-actions')).toEqual([]);
    const [item] = byTestId(messageActionsMenuHtml(withShortcuts, m.id), 'shortcut-find_papers');
    expect([attr(item!, 'data-shortcut'), attr(item!, 'data-message-id')]).toEqual(['find_papers', m.id]);
    expect(visibleText(messageActionsMenuHtml(withShortcuts, m.id))).toBe('Find papers');
  });

  it('marks an ephemeral message "Only visible to you"', () => {
    const html = messageToHtml(message({ bot: true, ephemeral: true }), workspace);
    expect(attr(byTestId(html, 'message')[0]!, 'class')).toBe('pb-message pb-ephemeral');
    expect(byTestId(html, 'ephemeral-label')).toHaveLength(1);
    expect(visibleText(html)).toContain('Only visible to you');
    expect(visibleText(messageToHtml(message(), workspace))).not.toContain('Only visible to you');
  });

  it('draws blocks when there are any, and the text otherwise', () => {
    const blocks = [{ type: 'header', text: { type: 'plain_text', text: 'From blocks' } }];
    const withBlocks = visibleText(messageToHtml(message({ text: 'fallback', blocks }), workspace));
    expect(withBlocks).toContain('From blocks');
    expect(withBlocks).not.toContain('fallback');
    expect(visibleText(messageToHtml(message({ text: 'fallback', blocks: [] }), workspace))).toContain('fallback');
  });

  it('names mentioned users, the bot and the viewer', () => {
    const html = messageToHtml(message({ text: '<@UBOT> for <@UME> and <@UBOB>' }), workspace);
    expect(visibleText(html)).toContain('@Paperbot for @Alice and @Bob Chen');
  });

  it('links to the thread with "N replies" when it has replies', () => {
    const m = message();
    const three = messageToHtml(m, workspace, { replyCount: 3 });
    const [link] = byTestId(three, 'replies-link');
    expect(attr(link!, 'data-thread-ts')).toBe(m.ts);
    expect(visibleText(three)).toMatch(/3 replies$/);
    expect(visibleText(messageToHtml(m, workspace, { replyCount: 1 }))).toMatch(/1 reply$/);
    expect(byTestId(messageToHtml(m, workspace, { replyCount: 0 }), 'replies-link')).toEqual([]);
  });
});

describe('message details', () => {
  it('formats times in the viewer zone the way Slack does', () => {
    const at = (h: number, m: number) => `${new Date(2025, 10, 26, h, m).getTime() / 1000}.000100`;
    expect(formatTime(at(15, 4))).toBe('3:04 PM');
    expect(formatTime(at(0, 30))).toBe('12:30 AM');
    expect(formatTime(at(12, 0))).toBe('12:00 PM');
    expect(formatTime('not a ts')).toBe('');
  });

  it('takes up to two initials for the avatar', () => {
    expect(initials('Bob Chen')).toBe('BC');
    expect(initials('paperbot')).toBe('P');
    expect(initials('mary-jane o.neil')).toBe('MJ');
    expect(initials('')).toBe('?');
  });
});
