import { demoApi, httpApi, type Api } from './api.js';
import type { State } from './api-types.js';
import { digestsNote } from './digests-note.js';
import { loadEmojiNames } from './emoji.js';
import { messageActionsMenuHtml } from './message-view.js';
import { HOME_NAV, channelHtml, headerHtml, homeHtml, sidebarHtml, threadHtml, type Place } from './shell-view.js';

/**
 * The page: keeps the latest state from the server, redraws the panes from it, and turns the
 * viewer's typing and clicks into API calls. Everything it draws comes from shell-view.ts.
 */

// A server restart or a dropped long poll should not spin: wait this long before asking again.
const RETRY_MS = 2000;
// How close to the bottom counts as "reading the latest", so new messages keep it in view.
const STICK_TO_BOTTOM_PX = 80;

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`index.html has no #${id}`);
  return el as T;
}

const els = {
  sidebar: byId('sidebar'),
  header: byId('header'),
  messages: byId('messages'),
  composer: byId<HTMLFormElement>('composer'),
  composerInput: byId<HTMLTextAreaElement>('composer-input'),
  threadPane: byId('thread-pane'),
  threadBody: byId('thread-body'),
  threadComposer: byId<HTMLFormElement>('thread-composer'),
  threadInput: byId<HTMLTextAreaElement>('thread-composer-input'),
  errorBar: byId('error-bar'),
  errorText: byId('error-text'),
  menu: byId('message-menu'),
  runDigests: byId<HTMLButtonElement>('run-digests'),
  digestsNote: byId('digests-note'),
};

const api: Api = new URLSearchParams(location.search).has('demo') ? demoApi() : httpApi();
let state: State | undefined;
let place: Place | undefined;
let openThreadTs: string | undefined;

// --- drawing -------------------------------------------------------------------------------

function nearBottom(el: HTMLElement): boolean {
  return el.scrollHeight - el.scrollTop - el.clientHeight < STICK_TO_BOTTOM_PX;
}

/** Redraws every pane from `state`; small enough that diffing would not pay. */
function render(moved = false): void {
  if (!state || !place) return;
  const list = els.messages;
  const follow = moved || nearBottom(list);
  els.sidebar.innerHTML = sidebarHtml(state.workspace, place);
  els.header.innerHTML = headerHtml(state.workspace, place);
  list.innerHTML = place.kind === 'home' ? homeHtml(state) : channelHtml(state, place.channelId);
  els.composer.hidden = place.kind === 'home';
  if (place.kind === 'home') {
    if (moved) list.scrollTop = 0;
  } else if (follow) {
    list.scrollTop = list.scrollHeight;
  }
  renderThread(moved);
}

function renderThread(moved: boolean): void {
  const channelId = place?.kind === 'channel' ? place.channelId : undefined;
  const show = Boolean(state && channelId && openThreadTs);
  els.threadPane.hidden = !show;
  if (!state || !channelId || !openThreadTs) return;
  const follow = moved || nearBottom(els.threadBody);
  const channel = state.workspace.channels.find((c) => c.id === channelId);
  els.threadBody.innerHTML = threadHtml(state, channel, openThreadTs);
  if (follow) els.threadBody.scrollTop = els.threadBody.scrollHeight;
}

let errorFromPolling = false;

function showError(error: unknown, fromPolling = false): void {
  els.errorText.textContent = error instanceof Error ? error.message : String(error);
  els.errorBar.hidden = false;
  errorFromPolling = fromPolling;
}

function hideError(): void {
  els.errorBar.hidden = true;
  errorFromPolling = false;
}

// --- where the viewer is: kept in the URL hash (#home, #C123, #C123/1712345678.000100) -----

function placeFromHash(workspace: State['workspace']): { place: Place; thread?: string } {
  const [nav = '', thread] = decodeURIComponent(location.hash.slice(1)).split('/');
  if (nav === HOME_NAV) return { place: { kind: 'home' } };
  const channel = workspace.channels.find((c) => c.id === nav) ?? workspace.channels.find((c) => c.kind === 'channel') ?? workspace.channels[0];
  if (!channel) return { place: { kind: 'home' } };
  return { place: { kind: 'channel', channelId: channel.id }, ...(channel.id === nav && thread ? { thread } : {}) };
}

function writeHash(): void {
  if (!place) return;
  const hash = place.kind === 'home' ? HOME_NAV : [place.channelId, openThreadTs].filter(Boolean).join('/');
  history.replaceState(null, '', `#${encodeURIComponent(hash).replace(/%2F/g, '/')}`);
}

function go(nav: string): void {
  place = nav === HOME_NAV ? { kind: 'home' } : { kind: 'channel', channelId: nav };
  openThreadTs = undefined;
  // Slack fires app_home_opened on every visit to the tab, not only the first.
  if (place.kind === 'home') api.openHome().catch((e: unknown) => showError(e));
  writeHash();
  render(true);
}

function openThread(ts: string | undefined): void {
  openThreadTs = ts;
  writeHash();
  renderThread(true);
  if (ts) els.threadInput.focus();
}

// --- input ---------------------------------------------------------------------------------

function wireComposer(form: HTMLFormElement, input: HTMLTextAreaElement, threadTs: () => string | undefined): void {
  input.addEventListener('keydown', (event) => {
    // Enter sends, Shift+Enter is a new line, and Enter that confirms an IME candidate is neither.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  input.addEventListener('input', () => {
    input.style.height = 'auto';
    input.style.height = `${input.scrollHeight}px`;
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text || place?.kind !== 'channel') return;
    const ts = threadTs();
    api.say({ channel: place.channelId, text, ...(ts ? { threadTs: ts } : {}) }).then(
      () => {
        // Cleared only once the server has it, so a failed send loses nothing.
        if (input.value.trim() === text) input.value = '';
        input.style.height = 'auto';
      },
      (e: unknown) => showError(e),
    );
  });
}

function onAction(el: HTMLElement, event: Event): void {
  if (el.matches(':disabled')) return;
  const question = el.dataset['confirm'];
  if (question && !window.confirm(question)) {
    event.preventDefault();
    return;
  }
  // A URL button is a link too: the browser opens it, and the app still hears the click.
  // Outside any message (the Home tab) the id is '', as the contract says.
  const messageId = el.closest<HTMLElement>('[data-message-id]')?.dataset['messageId'] ?? '';
  api
    .click({ messageId, actionId: el.dataset['actionId'] ?? '', blockId: el.dataset['blockId'] ?? '', value: el.dataset['value'] ?? '' })
    .catch((e: unknown) => showError(e));
}

// "Run digests now": the digests show up in their channels with the next state; the note says what the run did.
function runDigests(): void {
  const button = els.runDigests;
  if (button.disabled) return;
  button.disabled = true;
  const note = (text: string) => {
    els.digestsNote.textContent = text;
    els.digestsNote.title = text;
  };
  note('Running digests…');
  api
    .runDigests()
    .then(
      (report) => note(digestsNote(report)),
      (e: unknown) => {
        note('');
        showError(e);
      },
    )
    .finally(() => {
      button.disabled = false;
    });
}

// --- a message's "More actions" menu: the app's message shortcuts ---------------------------

function openMenu(button: HTMLElement): void {
  const messageId = button.closest<HTMLElement>('[data-message-id]')?.dataset['messageId'];
  if (!state || !messageId) return;
  els.menu.innerHTML = messageActionsMenuHtml(state.workspace, messageId);
  const at = button.getBoundingClientRect();
  els.menu.style.top = `${at.bottom + 4}px`;
  els.menu.style.left = `${Math.max(8, at.right - 220)}px`;
  els.menu.hidden = false;
}

function closeMenu(): void {
  els.menu.hidden = true;
}

function onShortcut(item: HTMLElement): void {
  closeMenu();
  api.shortcut({ messageId: item.dataset['messageId'] ?? '', callbackId: item.dataset['shortcut'] ?? '' }).catch((e: unknown) => showError(e));
}

// A menu (a conversation picker) tells the app what was picked, as Slack does on each pick.
document.addEventListener('change', (event) => {
  const select = event.target instanceof HTMLSelectElement ? event.target : null;
  if (!select?.dataset['actionId'] || !select.value) return;
  const messageId = select.closest<HTMLElement>('[data-message-id]')?.dataset['messageId'] ?? '';
  api
    .click({ messageId, actionId: select.dataset['actionId'], blockId: select.dataset['blockId'] ?? '', value: '', selected: select.value })
    .catch((e: unknown) => showError(e));
});

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') closeMenu();
});

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  const shortcut = target?.closest<HTMLElement>('[data-shortcut]');
  if (shortcut) return onShortcut(shortcut);
  const actions = target?.closest<HTMLElement>('[data-message-actions]');
  if (actions) return openMenu(actions);
  closeMenu();
  const nav = target?.closest<HTMLElement>('[data-nav]');
  if (nav) return go(nav.dataset['nav'] ?? HOME_NAV);
  const replies = target?.closest<HTMLElement>('[data-thread-ts]');
  if (replies) return openThread(replies.dataset['threadTs']);
  if (target?.closest('[data-close-thread]')) return openThread(undefined);
  if (target?.closest('[data-dismiss-error]')) return hideError();
  if (target?.closest('[data-run-digests]')) return runDigests();
  const action = target?.closest<HTMLElement>('[data-action-id]');
  // Menus answer when something is picked (the change listener), not when opened.
  if (action && action.tagName !== 'SELECT') onAction(action, event);
});

els.messages.addEventListener('scroll', closeMenu);
els.threadBody.addEventListener('scroll', closeMenu);
wireComposer(els.composer, els.composerInput, () => undefined);
wireComposer(els.threadComposer, els.threadInput, () => openThreadTs);

// --- the state loop ------------------------------------------------------------------------

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function poll(): Promise<void> {
  // Slack's emoji names, before anything is drawn (without them emoji show as their names).
  await loadEmojiNames();
  let after: number | undefined;
  for (;;) {
    try {
      const next = await api.state(after);
      if (errorFromPolling) hideError();
      const first = !state;
      if (first || next.version !== state?.version) {
        state = next;
        if (first) {
          const start = placeFromHash(next.workspace);
          place = start.place;
          openThreadTs = start.thread;
          if (place.kind === 'home') api.openHome().catch((e: unknown) => showError(e));
          writeHash();
        }
        render(first);
      }
      after = next.version;
    } catch (error) {
      showError(error, true);
      if (api.live) await sleep(RETRY_MS);
    }
    if (!api.live) return;
  }
}

void poll();
