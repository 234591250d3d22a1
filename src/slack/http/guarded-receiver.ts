import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  HTTPModuleFunctions,
  HTTPReceiver,
  isRawBodyError,
  type App,
  type BufferedIncomingMessage,
  type CustomRoute,
  type Receiver,
  type ReceiverEvent,
} from '@slack/bolt';
import { SLACK_APP, SLACK_HTTP } from '../../config.js';
import { toBoltLogger, type Logger } from '../../logger.js';
import { InFlight } from './in-flight.js';
import type { InstallerSettings } from './oauth-installer.js';
import { checkDeclaredSize, checkSignature, checkTimestamp, type Refusal } from './request-guard.js';
import { parseSlackRequest } from './slack-envelope.js';

export interface GuardedReceiverOptions {
  signingSecret: string;
  port: number;
  logger: Logger;
  /** Served to anyone, unsigned, on GET (the health check). */
  openRoutes: CustomRoute[];
  /** Answer Slack only once the listener is done (deterministic tests, FaaS). */
  processBeforeResponse?: boolean;
  limits?: Partial<typeof SLACK_HTTP>;
  now?: () => number;
  /**
   * OAuth mode: Bolt's installer (oauth-installer.ts). Its install and redirect paths are served
   * unsigned on GET, like the open routes: a person's browser calls them, not Slack.
   */
  installer?: InstallerSettings;
}

/**
 * Paperbot's HTTP front door. Every request but `GET /healthz` (and, in OAuth mode, the install
 * pages `GET /slack/install` and `/slack/oauth_redirect`) must be signed by Slack, dated
 * within 5 minutes either way, under the size limit, and shaped like one of Slack's requests
 * (slack-envelope.ts) before Bolt's own HTTPReceiver sees it; anything else gets a 4xx.
 * It also counts requests and their listeners in flight, so `stop()` can drain: refuse new
 * requests (503), let those in flight finish, then close.
 *
 * @example
 * const receiver = new GuardedHttpReceiver({ signingSecret, port: 3000, logger, openRoutes: [healthRoute(deps)] });
 * const app = new App({ token, receiver }); await app.start(); … await app.stop(); // drains
 */
export class GuardedHttpReceiver implements Receiver {
  /** Requests being answered and listeners still running. */
  readonly inFlight = new InFlight();
  private readonly bolt: HTTPReceiver;
  private readonly limits: typeof SLACK_HTTP;
  private readonly log: Logger;
  private readonly openPaths: Set<string>;
  private readonly now: () => number;
  private server: Server | undefined;
  private stopping: Promise<boolean> | undefined;

  constructor(private readonly options: GuardedReceiverOptions) {
    this.limits = { ...SLACK_HTTP, ...options.limits };
    this.log = options.logger.child({ lib: 'receiver' });
    const installPaths = options.installer ? [options.installer.installerOptions.installPath, options.installer.installerOptions.redirectUriPath] : [];
    this.openPaths = new Set([...options.openRoutes.map((route) => route.path), ...installPaths.filter((path): path is string => path !== undefined)]);
    this.now = options.now ?? Date.now;
    this.bolt = new HTTPReceiver({
      signingSecret: options.signingSecret,
      endpoints: SLACK_APP.eventsPath,
      customRoutes: options.openRoutes,
      processBeforeResponse: options.processBeforeResponse ?? false,
      // Verified in front (request-guard.ts), once: Bolt only ever sees requests that passed.
      signatureVerification: false,
      logger: toBoltLogger(options.logger),
      ...options.installer,
    });
  }

  /**
   * Bolt's installer (OAuth mode), where Bolt's App looks for it: with one, the App takes each
   * request's bot token from the installation store (the installer's `authorize`).
   */
  get installer(): HTTPReceiver['installer'] {
    return this.bolt.installer;
  }

  init(app: App): void {
    // Bolt's receiver speaks Slack's protocol (acks, url_verification, routes); it gets a stand-in
    // app that counts each request's processing until its listeners are done, for the drain.
    const counted = { processEvent: (event: ReceiverEvent) => this.inFlight.track(app.processEvent(event)) };
    this.bolt.init(counted as unknown as App);
  }

  async start(port: number = this.options.port): Promise<Server> {
    if (this.server) throw new Error('GuardedHttpReceiver.start: already started');
    const timeout = this.limits.requestTimeoutMs;
    const server = createServer({ requestTimeout: timeout, headersTimeout: timeout }, (req, res) => this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    return server;
  }

  /** Drains (see the class comment). Resolves true when everything in flight finished in time. */
  stop(): Promise<boolean> {
    this.stopping ??= this.drain();
    return this.stopping;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    res.once('close', this.inFlight.enter());
    if (this.stopping) return this.refuse(req, res, { status: 503, reason: 'shutting down' });
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && this.openPaths.has(path ?? '')) return this.dispatch(req, res);
    const now = this.now();
    const early = checkDeclaredSize(req.headers, this.limits.maxBodyBytes) ?? checkTimestamp(req.headers, now, this.limits.maxClockSkewSec);
    if (early) return this.refuse(req, res, early);
    // Bolt's own buffering (raw-body) refuses a declared or streamed body over the limit without reading the rest.
    HTTPModuleFunctions.bufferIncomingMessage(req, this.limits.maxBodyBytes).then(
      (buffered) => this.afterBody(buffered, res, path, now),
      (error: unknown) => this.refuse(req, res, bodyRefusal(error, this.limits.maxBodyBytes)),
    );
  }

  private afterBody(req: BufferedIncomingMessage, res: ServerResponse, path: string | undefined, now: number): void {
    const refusal =
      checkSignature(req.headers, req.rawBody, this.options.signingSecret, now) ??
      (req.method !== 'POST' || path !== SLACK_APP.eventsPath ? { status: 404, reason: 'no such route' } : undefined);
    if (refusal) return this.refuse(req, res, refusal);
    const parsed = parseSlackRequest(req);
    if (!parsed.ok) return this.refuse(req, res, { status: 400, reason: parsed.reason });
    if (parsed.kind === 'app_rate_limited') {
      this.log.warn({ body: parsed.body }, 'Slack is holding back our events for a minute (app_rate_limited)');
      return this.answerEmpty(res);
    }
    if (parsed.kind === 'ssl_check') return this.answerEmpty(res);
    // Bolt reads the body only if it has not been read: it gets the bytes we checked.
    this.dispatch(req, res);
  }

  private dispatch(req: IncomingMessage, res: ServerResponse): void {
    try {
      this.bolt.requestListener(req, res);
    } catch (error) {
      HTTPModuleFunctions.defaultDispatchErrorHandler({ error: error as Error, logger: toBoltLogger(this.log), request: req, response: res });
    }
  }

  private answerEmpty(res: ServerResponse): void {
    res.writeHead(200);
    res.end();
  }

  private refuse(req: IncomingMessage, res: ServerResponse, refusal: Refusal): void {
    this.log.warn(
      { status: refusal.status, reason: refusal.reason, method: req.method, path: (req.url ?? '').slice(0, 100), ip: req.socket.remoteAddress },
      'request refused',
    );
    if (res.headersSent) return;
    // Closing the connection: the rest of a refused body is never read.
    res.writeHead(refusal.status, { connection: 'close', 'content-length': '0' });
    res.end();
  }

  private async drain(): Promise<boolean> {
    const server = this.server;
    if (!server) return true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    this.log.info({ inFlight: this.inFlight.size }, 'draining: new requests refused, finishing those in flight');
    const finished = await Promise.race([this.inFlight.idle().then(() => true), sleep(this.limits.drainTimeoutMs, false, { ref: false })]);
    if (!finished) this.log.warn({ inFlight: this.inFlight.size }, 'drain timed out: cutting off what is still in flight');
    // Kept-alive connections went idle as their last response finished; they can go now.
    server.closeIdleConnections();
    if (!finished) server.closeAllConnections();
    await Promise.race([closed, sleep(1_000, undefined, { ref: false }).then(() => server.closeAllConnections())]);
    await closed;
    this.server = undefined;
    this.log.info({ finished }, 'drained');
    return finished;
  }
}

/** A body that could not be read: streamed past the limit (a missing or lying `content-length`), or cut off. */
function bodyRefusal(error: unknown, maxBytes: number): Refusal {
  const tooLarge = isRawBodyError(error) && (error as { type?: string }).type === 'entity.too.large';
  return tooLarge ? { status: 413, reason: `body over ${maxBytes} bytes` } : { status: 400, reason: 'body not received' };
}
