import type { Channel, Message, State, Workspace } from './api-types.js';
import { blocksToHtml } from './block-kit.js';
import { escapeHtml } from './html.js';
import { avatarHtml, messageToHtml, renderContext } from './message-view.js';
import { channelTimeline, replyCounts, threadReplies } from './threads.js';

/**
 * The page's panes as HTML: sidebar, header, channel list, Home tab and thread pane. Which one is
 * showing is the caller's `Place`; these functions only draw it.
 */

/** Where the viewer is: a channel (or the bot's DM, its Messages tab) or the app's Home tab. */
export type Place = { kind: 'channel'; channelId: string } | { kind: 'home' };

/** The nav target for the Home tab; any other `data-nav` value is a channel id. */
export const HOME_NAV = 'home';

export function sidebarHtml(workspace: Workspace, place: Place): string {
  const active = place.kind === 'home' ? HOME_NAV : place.channelId;
  const item = (nav: string, testId: string, label: string) =>
    `<button type="button" class="pb-nav-item${nav === active ? ' pb-active' : ''}" data-nav="${escapeHtml(nav)}" ` +
    `data-testid="${escapeHtml(testId)}">${label}</button>`;
  const bot = `${avatarHtml(workspace.botUserId, workspace.botName)}<span>${escapeHtml(workspace.botName)}</span>`;
  const channels = workspace.channels.filter((c) => c.kind === 'channel');
  const ims = workspace.channels.filter((c) => c.kind === 'im');
  return (
    `<div class="pb-team" data-testid="team-name">${escapeHtml(workspace.teamName)}</div>` +
    `<nav class="pb-nav">` +
    `<div class="pb-nav-section">Channels</div>` +
    channels.map((c) => item(c.id, `sidebar-channel-${c.name}`, `<span class="pb-hash">#</span><span>${escapeHtml(c.name)}</span>`)).join('') +
    `<div class="pb-nav-section">Direct messages</div>` +
    ims.map((c) => item(c.id, 'sidebar-dm', bot)).join('') +
    `<div class="pb-nav-section">Apps</div>` +
    item(HOME_NAV, 'sidebar-app-home', bot) +
    `</nav>`
  );
}

/** A channel's name, or the app's name with its Home/Messages tabs for the DM and Home. */
export function headerHtml(workspace: Workspace, place: Place): string {
  const channel = place.kind === 'channel' ? workspace.channels.find((c) => c.id === place.channelId) : undefined;
  if (channel && channel.kind === 'channel') return `<h1 class="pb-title" data-testid="channel-title"># ${escapeHtml(channel.name)}</h1>`;
  const im = workspace.channels.find((c) => c.kind === 'im');
  const tab = (nav: string, testId: string, label: string, on: boolean) =>
    `<button type="button" class="pb-tab${on ? ' pb-active' : ''}" data-nav="${escapeHtml(nav)}" data-testid="${testId}">${label}</button>`;
  return (
    `<h1 class="pb-title" data-testid="channel-title">${avatarHtml(workspace.botUserId, workspace.botName)}` +
    `${escapeHtml(workspace.botName)}<span class="pb-app-badge">APP</span></h1>` +
    `<div class="pb-tabs">${tab(HOME_NAV, 'tab-home', 'Home', place.kind === 'home')}` +
    (im ? tab(im.id, 'tab-messages', 'Messages', place.kind === 'channel') : '') +
    `</div>`
  );
}

export function channelHtml(state: State, channelId: string): string {
  const counts = replyCounts(state.messages, channelId);
  const messages = channelTimeline(state.messages, channelId);
  if (messages.length === 0) return `<div class="pb-empty">No messages yet.</div>`;
  return messages.map((m) => messageToHtml(m, state.workspace, { replyCount: counts.get(m.ts) ?? 0 })).join('');
}

/** The Home tab's published view; until one arrives Slack shows a blank tab, we say so. */
export function homeHtml(state: State): string {
  const body = state.home
    ? blocksToHtml(state.home.blocks, renderContext(state.workspace))
    : `<div class="pb-empty">Waiting for ${escapeHtml(state.workspace.botName)} to publish its Home tab…</div>`;
  return `<div class="pb-home" data-testid="home-tab">${body}</div>`;
}

/** The thread pane's messages: the parent, a reply-count rule, then the replies. */
export function threadHtml(state: State, channel: Channel | undefined, threadTs: string): string {
  const parent: Message | undefined = state.messages.find((m) => m.channel === channel?.id && m.ts === threadTs);
  const replies = channel ? threadReplies(state.messages, channel.id, threadTs) : [];
  const where = channel ? (channel.kind === 'channel' ? `# ${channel.name}` : state.workspace.botName) : '';
  const count = `${replies.length} ${replies.length === 1 ? 'reply' : 'replies'}`;
  return (
    `<header class="pb-thread-header"><div><strong>Thread</strong> <span class="pb-thread-where">${escapeHtml(where)}</span></div>` +
    `<button type="button" class="pb-close" data-close-thread data-testid="thread-close" aria-label="Close thread">×</button></header>` +
    `<div class="pb-thread-messages" data-testid="thread-messages">` +
    (parent ? messageToHtml(parent, state.workspace) : `<div class="pb-empty">The thread's first message is not here.</div>`) +
    `<div class="pb-thread-rule"><span>${count}</span></div>` +
    replies.map((m) => messageToHtml(m, state.workspace)).join('') +
    `</div>`
  );
}
