import type { Message, Workspace } from './api-types.js';
import { blocksToHtml } from './block-kit.js';
import { escapeHtml } from './html.js';
import { mrkdwnToHtml, type RenderContext } from './mrkdwn.js';

/** One message as Slack lists it: avatar, sender, time, body, and the thread link under it. */

export interface MessageOptions {
  /** Replies in its thread; 0 or absent shows no link. */
  replyCount?: number;
}

export function messageToHtml(message: Message, workspace: Workspace, options: MessageOptions = {}): string {
  const sender = senderName(message, workspace);
  const classes = ['pb-message', message.ephemeral ? 'pb-ephemeral' : ''].filter(Boolean).join(' ');
  const ephemeral = message.ephemeral ? `<div class="pb-ephemeral-label" data-testid="ephemeral-label">${EYE_ICON}Only visible to you</div>` : '';
  const badge = message.bot ? '<span class="pb-app-badge" data-testid="app-badge">APP</span>' : '';
  // Slack offers message actions (the app's shortcuts) on every message but an ephemeral one.
  const actions =
    !message.ephemeral && (workspace.shortcuts?.length ?? 0) > 0
      ? '<button type="button" class="pb-message-actions" data-testid="message-actions" data-message-actions aria-label="More actions">⋮</button>'
      : '';
  const replies = options.replyCount
    ? `<button type="button" class="pb-replies" data-testid="replies-link" data-thread-ts="${escapeHtml(message.ts)}">` +
      `${options.replyCount} ${options.replyCount === 1 ? 'reply' : 'replies'}</button>`
    : '';
  return (
    `<div class="${classes}" data-testid="message" data-message-id="${escapeHtml(message.id)}" data-ts="${escapeHtml(message.ts)}">` +
    avatarHtml(message.bot ? workspace.botUserId : (message.userId ?? sender), sender) +
    `<div class="pb-message-main">${ephemeral}` +
    `<div class="pb-message-header"><span class="pb-sender" data-testid="message-sender">${escapeHtml(sender)}</span>${badge}` +
    `<time class="pb-time">${escapeHtml(formatTime(message.ts))}</time></div>` +
    `<div class="pb-message-body">${messageBodyHtml(message, renderContext(workspace))}</div>` +
    `${replies}</div>${actions}</div>`
  );
}

/** Slack draws the blocks when there are any; `text` is then only the notification fallback. */
export function messageBodyHtml(message: Message, ctx: RenderContext): string {
  return message.blocks && message.blocks.length > 0 ? blocksToHtml(message.blocks, ctx) : mrkdwnToHtml(message.text, ctx);
}

export function renderContext(workspace: Workspace): RenderContext {
  return {
    users: { ...workspace.users, [workspace.botUserId]: workspace.botName, [workspace.me.id]: workspace.me.name },
    channels: Object.fromEntries(workspace.channels.map((c) => [c.id, c.name])),
    conversations: workspace.channels,
  };
}

/** The "More actions" menu of a message: the app's message shortcuts, each naming the message. */
export function messageActionsMenuHtml(workspace: Workspace, messageId: string): string {
  return (workspace.shortcuts ?? [])
    .map(
      (s) =>
        `<button type="button" class="pb-menu-item" role="menuitem" data-testid="shortcut-${escapeHtml(s.callbackId)}" ` +
        `data-shortcut="${escapeHtml(s.callbackId)}" data-message-id="${escapeHtml(messageId)}">${escapeHtml(s.name)}</button>`,
    )
    .join('');
}

export function senderName(message: Message, workspace: Workspace): string {
  if (message.bot) return workspace.botName;
  if (message.userId === workspace.me.id) return workspace.me.name;
  const id = message.userId ?? '';
  return (Object.hasOwn(workspace.users, id) ? workspace.users[id] : undefined) ?? (id || 'unknown');
}

// Slack's eye beside "Only visible to you"; an SVG, not an emoji, so it shows without emoji fonts.
const EYE_ICON =
  '<svg class="pb-eye" viewBox="0 0 20 20" width="14" height="14" aria-hidden="true"><path fill="currentColor" ' +
  'd="M10 4C5.5 4 2.2 7.3 1 10c1.2 2.7 4.5 6 9 6s7.8-3.3 9-6c-1.2-2.7-4.5-6-9-6Zm0 10a4 4 0 1 1 0-8 4 4 0 0 1 0 8Zm0-6.2a2.2 2.2 0 1 0 0 4.4 2.2 2.2 0 0 0 0-4.4Z"/></svg>';

// Slack's default avatar colours.
const AVATAR_COLOURS = ['#e8912d', '#2bac76', '#1d9bd1', '#e01e5a', '#4a154b', '#3c8e94', '#9f69e7', '#d8a500'];

/** A coloured square with initials; the colour follows the id so a person keeps theirs. */
export function avatarHtml(id: string, name: string): string {
  let hash = 0;
  for (const ch of id) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  const colour = AVATAR_COLOURS[hash % AVATAR_COLOURS.length];
  return `<div class="pb-avatar" style="background:${colour}" aria-hidden="true">${escapeHtml(initials(name))}</div>`;
}

export function initials(name: string): string {
  const words = name.split(/[\s._-]+/).filter(Boolean);
  return (
    words
      .slice(0, 2)
      .map((w) => [...w][0]?.toUpperCase() ?? '')
      .join('') || '?'
  );
}

/** "3:04 PM" in the viewer's time zone, like Slack's message times. */
export function formatTime(ts: string): string {
  const date = new Date(Number(ts.split('.')[0]) * 1000);
  if (Number.isNaN(date.getTime())) return '';
  const hours = date.getHours();
  return `${hours % 12 || 12}:${String(date.getMinutes()).padStart(2, '0')} ${hours < 12 ? 'AM' : 'PM'}`;
}
