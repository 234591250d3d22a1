import type { ClickRequest, DigestReport, SayRequest, ShortcutRequest, State } from './api-types.js';

/** The page's only line to the playground server; see api-types.ts for the contract. */

export interface Api {
  /** The current state; with `after`, waits (long poll) until the version moves past it. */
  state(after?: number): Promise<State>;
  say(request: SayRequest): Promise<void>;
  click(request: ClickRequest): Promise<void>;
  /** A message shortcut used on a message ("More actions" → Find papers). */
  shortcut(request: ShortcutRequest): Promise<void>;
  /** Tells the app its Home tab was opened; the view it publishes arrives in a later state. */
  openHome(): Promise<void>;
  /** "Run digests now": posts every watch's digest for this period unless it was posted already; answers what it did. */
  runDigests(): Promise<DigestReport>;
  /** False for the static demo, which has no updates to wait for. */
  readonly live: boolean;
}

/** A failed call, with the message to show in the error bar. */
export class ApiError extends Error {
  override name = 'ApiError';
}

type Fetch = typeof fetch;

export function httpApi(fetchFn: Fetch = (input, init) => fetch(input, init)): Api {
  const post = (path: string, body: object): Promise<Response> =>
    send(fetchFn, path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const act = async (path: string, body: object): Promise<void> => {
    await post(path, body);
  };
  return {
    live: true,
    state: async (after) => (await send(fetchFn, after === undefined ? '/api/state' : `/api/state?after=${after}`)).json() as Promise<State>,
    say: (request) => act('/api/say', request),
    click: (request) => act('/api/click', request),
    shortcut: (request) => act('/api/shortcut', request),
    openHome: () => act('/api/home', {}),
    runDigests: async () => (await post('/api/digests', {})).json() as Promise<DigestReport>,
  };
}

/** `?demo`: one static state from a file next to the page; nothing is ever sent. */
export function demoApi(fetchFn: Fetch = (input, init) => fetch(input, init), url = 'demo-state.json'): Api {
  const refuse = () => Promise.reject(new ApiError('Demo mode: nothing is sent. Run `npm start` for the live playground.'));
  return {
    live: false,
    state: async () => (await send(fetchFn, url)).json() as Promise<State>,
    say: refuse,
    click: refuse,
    shortcut: refuse,
    runDigests: refuse,
    // Opening Home is not an action the viewer took, so the demo stays quiet about it.
    openHome: () => Promise.resolve(),
  };
}

async function send(fetchFn: Fetch, url: string, init?: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetchFn(url, init);
  } catch {
    throw new ApiError('Cannot reach the playground server. Is `npm start` still running?');
  }
  if (response.ok) return response;
  throw new ApiError(await errorMessage(response));
}

async function errorMessage(response: Response): Promise<string> {
  try {
    const body: unknown = await response.json();
    if (typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'string') return body.error;
  } catch {
    // Not JSON: the status line is all there is.
  }
  return `${response.status} ${response.statusText}`.trim();
}
