import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Logger } from '../logger.js';
import { SLACK_APP } from '../config.js';
import type { ClickRequest, DigestReport, SayRequest, ShortcutRequest } from './web/api-types.js';
import { InteractionError, type Handled, type Interactions } from './interactions.js';
import type { Workspace } from './workspace.js';

/**
 * The playground's HTTP side: the page (static files) and the JSON API it talks to
 * (src/playground/web/api-types.ts is the contract). POSTs answer 202 as soon as the request is
 * handed to the app; what the app does shows up in later states.
 */

export interface ServerOptions {
  workspace: Workspace;
  interactions: Interactions;
  logger: Logger;
  /** index.html, styles.css, demo-state.json. */
  webDir: string;
  /** The page's compiled modules (`npm run build`). */
  webBuildDir: string;
  longPollMs: number;
  maxBodyBytes: number;
  /** Slack's emoji names and their emoji, served as `/emoji.json` for the page (emoji-names.ts). */
  emojiNames: Readonly<Record<string, string>>;
  /** What `GET /healthz` answers, as in the Slack modes (src/slack/http/health-route.ts). */
  health: () => Record<string, unknown>;
  /** The watches' digests, for "Run digests now" (`POST /api/digests`); undefined while they are off. */
  digests: () => { runNow(): Promise<DigestReport> } | undefined;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const STATIC: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/index.html': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/styles.css': { file: 'styles.css', type: 'text/css; charset=utf-8' },
  '/demo-state.json': { file: 'demo-state.json', type: 'application/json; charset=utf-8' },
  '/favicon.svg': { file: 'favicon.svg', type: 'image/svg+xml' },
  // Browsers ask for /favicon.ico whatever the page says; the same icon answers.
  '/favicon.ico': { file: 'favicon.svg', type: 'image/svg+xml' },
};
const API_PATHS = new Set(['/api/state', '/api/say', '/api/click', '/api/shortcut', '/api/home', '/api/digests']);
const MODULE = /^\/([a-z0-9-]+\.js)$/;
// Defence in depth for a page that draws whatever the app sends: only our own scripts run.
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' https: data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
// Names a browser on this machine uses for it; anything else (a rebound DNS name) is refused.
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function createPlaygroundServer(options: ServerOptions): Server {
  const log = options.logger.child({ lib: 'playground' });
  return createServer((req, res) => {
    handle(req, res, options).catch((error: unknown) => {
      const status = error instanceof HttpError || error instanceof InteractionError ? error.status : 500;
      if (status === 500) log.error({ err: error, url: req.url }, 'playground request failed');
      if (!res.headersSent) sendJson(res, status, { error: status === 500 ? 'Internal error (see the terminal)' : (error as Error).message });
      else res.end();
    });
  });
}

async function handle(req: IncomingMessage, res: ServerResponse, options: ServerOptions): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const host = (req.headers.host ?? '').replace(/:\d+$/, '');
  if (!LOCAL_HOSTS.has(host)) throw new HttpError(403, 'The playground answers on localhost only');

  if (url.pathname.startsWith('/api/')) return api(req, res, url, options);
  if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, `${req.method} not allowed`);
  if (url.pathname === SLACK_APP.healthPath) return sendJson(res, 200, options.health());
  if (url.pathname === '/emoji.json') return sendJson(res, 200, options.emojiNames, 'max-age=3600');
  const known = STATIC[url.pathname];
  if (known) return sendFile(res, join(options.webDir, known.file), known.type);
  const module = MODULE.exec(url.pathname);
  if (module?.[1]) {
    return sendFile(
      res,
      join(options.webBuildDir, module[1]),
      'text/javascript; charset=utf-8',
      'The page is not built: run `npm run build` (npm start does it for you).',
    );
  }
  throw new HttpError(404, `Nothing at ${url.pathname}`);
}

async function api(req: IncomingMessage, res: ServerResponse, url: URL, options: ServerOptions): Promise<void> {
  const route = `${req.method} ${url.pathname}`;
  if (route === 'GET /api/state') return state(res, url, options);
  if (route === 'POST /api/digests') return runDigests(req, res, options);
  const act: Record<string, (body: Record<string, unknown>) => Handled> = {
    'POST /api/say': (body) => options.interactions.say(sayRequest(body)),
    'POST /api/click': (body) => options.interactions.click(clickRequest(body)),
    'POST /api/shortcut': (body) => options.interactions.shortcut(shortcutRequest(body)),
    'POST /api/home': () => options.interactions.openHome(),
  };
  const action = act[route];
  if (!action) throw new HttpError(API_PATHS.has(url.pathname) ? 405 : 404, `No ${route}`);
  const handled = action(await readJson(req, options.maxBodyBytes));
  handled.done.catch((error: unknown) => options.logger.error({ err: error }, 'the app failed to handle a playground request'));
  sendJson(res, 202, {});
}

async function state(res: ServerResponse, url: URL, options: ServerOptions): Promise<void> {
  const after = url.searchParams.get('after');
  if (after !== null) {
    if (!/^\d+$/.test(after)) throw new HttpError(400, 'after must be a version number');
    // The response closes early when the page goes away; stop waiting for it then.
    const gone = new AbortController();
    res.once('close', () => gone.abort());
    options.logger.debug({ lib: 'playground', after: Number(after) }, 'long poll waiting');
    await options.workspace.waitForChange(Number(after), options.longPollMs, gone.signal);
    if (gone.signal.aborted) return;
  }
  sendJson(res, 200, options.workspace.state());
}

/**
 * "Run digests now": every watch's digest for the current period, unless it was posted already,
 * as `paperbot digest --now` does. Answers when the run is done, with what it did; the digests
 * themselves show up in later states, as bot posts in their channels.
 */
async function runDigests(req: IncomingMessage, res: ServerResponse, options: ServerOptions): Promise<void> {
  // JSON only, as every POST here: it keeps other sites' pages from posting digests.
  await readJson(req, options.maxBodyBytes);
  const digests = options.digests();
  if (!digests) throw new HttpError(503, 'Digests are off in this playground (it was started without them); `npm start` runs them.');
  sendJson(res, 200, await digests.runNow());
}

function sayRequest(body: Record<string, unknown>): SayRequest {
  const { channel, text, threadTs } = body;
  if (typeof channel !== 'string' || typeof text !== 'string') throw new HttpError(400, 'say needs { channel, text }');
  if (threadTs !== undefined && typeof threadTs !== 'string') throw new HttpError(400, 'threadTs must be a string');
  return { channel, text, ...(threadTs !== undefined ? { threadTs } : {}) };
}

function clickRequest(body: Record<string, unknown>): ClickRequest {
  const { messageId, actionId, blockId, value, selected } = body;
  if (typeof messageId !== 'string' || typeof actionId !== 'string' || typeof blockId !== 'string' || typeof value !== 'string') {
    throw new HttpError(400, 'click needs { messageId, actionId, blockId, value } (strings)');
  }
  if (selected !== undefined && typeof selected !== 'string') throw new HttpError(400, 'selected must be a string');
  return { messageId, actionId, blockId, value, ...(selected !== undefined ? { selected } : {}) };
}

function shortcutRequest(body: Record<string, unknown>): ShortcutRequest {
  const { messageId, callbackId } = body;
  if (typeof messageId !== 'string' || typeof callbackId !== 'string') throw new HttpError(400, 'shortcut needs { messageId, callbackId } (strings)');
  return { messageId, callbackId };
}

/**
 * The JSON body of a POST. Requiring `application/json` also keeps other web pages out: a
 * cross-site form or `no-cors` fetch cannot send that content type without a preflight, which
 * the playground never answers.
 */
async function readJson(req: IncomingMessage, maxBytes: number): Promise<Record<string, unknown>> {
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) throw new HttpError(415, 'Send JSON (content-type: application/json)');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new HttpError(413, `Request body over ${maxBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  let value: unknown;
  try {
    value = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  } catch {
    throw new HttpError(400, 'The body is not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new HttpError(400, 'The body must be a JSON object');
  return value as Record<string, unknown>;
}

async function sendFile(res: ServerResponse, path: string, type: string, missing?: string): Promise<void> {
  let body: Buffer;
  try {
    body = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new HttpError(404, missing ?? 'Not found');
    throw error;
  }
  res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff', 'content-security-policy': CSP });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

function sendJson(res: ServerResponse, status: number, body: unknown, cache = 'no-store'): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': cache, 'x-content-type-options': 'nosniff' });
  res.end(res.req.method === 'HEAD' ? undefined : JSON.stringify(body));
}
