import { App, type Receiver, type webApi } from '@slack/bolt';
import { SLACK_SHARES, SLACK_WEB_API } from '../config.js';
import type { HttpConfig, SlackConfig } from '../env-config.js';
import { toBoltLogger, type Logger } from '../logger.js';
import type { Deps, PaperbotContext } from './deps.js';
import { GuardedHttpReceiver } from './http/guarded-receiver.js';
import { healthRoute } from './http/health-route.js';
import { dedupeEvents, MemorySeenEvents, type SeenEvents } from './middleware/event-dedupe.js';
import { requestLogger } from './middleware/request-logger.js';
import { isExpiredResponseUrl, tellUserItFailed } from './outbound/failure-notice.js';
import { postOnceFetch } from './outbound/post-once-fetch.js';
import { responseUrlFetch } from './outbound/response-url-fetch.js';

// Bolt does not export the type; the last overload of app.error is the extended one.
type ExtendedErrorHandler = Parameters<App['error']>[0];

/** Where the Web API client points when `SLACK_API_URL` is not set (the client's own default). */
const SLACK_API_URL = 'https://slack.com/api/';

/** The bot's own ids in the workspace (from `auth.test`). */
export interface BotIdentity {
  botId: string;
  botUserId: string;
}

/** Wires the listeners (handlers/index.ts) onto an app: handed in by whoever composes it, so this folder never imports handlers/. */
export type RegisterListeners = (app: App<PaperbotContext>, deps: Deps) => void;

export interface CreateAppOptions {
  config: SlackConfig;
  deps: Deps;
  logger: Logger;
  /** Every Slack surface Paperbot answers on (`registerListeners` from handlers/index.ts). */
  listeners: RegisterListeners;
  /**
   * Who the bot is. Given up front, Bolt never calls `auth.test` itself: `main` asks once at
   * start (failing clearly on a bad token) and tests pass fixed ids.
   */
  identity: BotIdentity;
  /** Another receiver (the playground, a test harness); by default HTTP or Socket Mode per `config.mode`. */
  receiver?: Receiver;
  /** Answer Slack's HTTP request only after the listener finishes (deterministic tests, FaaS). */
  processBeforeResponse?: boolean;
  /**
   * Web API client overrides; tests use a fast retry policy. `retryConfig` and `timeout` also
   * govern response_url posts; `fetch` is wrapped, not replaced.
   */
  clientOptions?: Pick<webApi.WebClientOptions, 'retryConfig' | 'fetch' | 'timeout' | 'rejectRateLimitedCalls'>;
  /** Events already taken, for Slack's retries; this process's memory unless instances share a store. */
  seenEvents?: SeenEvents;
}

/** Slack's HTTP receiver behind Paperbot's guard: events, commands and interactivity at `/slack/events`, plus `/healthz`. */
export function createHttpReceiver(config: HttpConfig, options: { deps: Deps; logger: Logger; processBeforeResponse?: boolean }): GuardedHttpReceiver {
  return new GuardedHttpReceiver({
    signingSecret: config.signingSecret,
    port: config.port,
    logger: options.logger,
    openRoutes: [healthRoute(options.deps)],
    processBeforeResponse: options.processBeforeResponse ?? false,
  });
}

/**
 * Builds Paperbot's Bolt app: the same listeners behind whichever receiver. Nothing listens until
 * `app.start()`; `app.stop()` drains requests in flight (HTTP).
 *
 * @example
 * const app = createApp({ config, deps, logger, identity, listeners: registerListeners });
 * await app.start(config.port);
 */
export function createApp(options: CreateAppOptions): App<PaperbotContext> {
  const { config, deps, logger, identity } = options;
  const boltLogger = toBoltLogger(logger);
  const retryConfig = options.clientOptions?.retryConfig ?? { ...SLACK_WEB_API.retryConfig };
  const timeout = options.clientOptions?.timeout ?? SLACK_WEB_API.timeoutMs;
  const apiUrl = config.slackApiUrl ?? SLACK_API_URL;
  const baseFetch = options.clientOptions?.fetch ?? (globalThis.fetch as webApi.FetchFunction);
  const fetchFn = responseUrlFetch({
    apiUrl,
    policy: retryConfig,
    timeoutMs: timeout,
    log: logger,
    fetch: postOnceFetch({ apiUrl, log: logger, fetch: baseFetch }),
  });
  const common = {
    token: config.botToken,
    botId: identity.botId,
    botUserId: identity.botUserId,
    logger: boltLogger,
    extendedErrorHandler: true,
    // Bolt's per-conversation state store: unused here, and a lookup on every request.
    convoStore: false as const,
    clientOptions: {
      slackApiUrl: config.slackApiUrl,
      rejectRateLimitedCalls: SLACK_WEB_API.rejectRateLimitedCalls,
      ...options.clientOptions,
      retryConfig,
      timeout,
      fetch: fetchFn,
    },
  };

  let app: App<PaperbotContext>;
  if (options.receiver) {
    app = new App<PaperbotContext>({ ...common, receiver: options.receiver });
  } else if (config.mode === 'socket') {
    // Socket Mode needs no public URL; /healthz is still served on PORT.
    app = new App<PaperbotContext>({ ...common, socketMode: true, appToken: config.appToken, port: config.port, customRoutes: [healthRoute(deps)] });
  } else {
    app = new App<PaperbotContext>({ ...common, receiver: createHttpReceiver(config, { deps, logger, processBeforeResponse: options.processBeforeResponse }) });
  }

  app.use(requestLogger(logger));
  app.use(dedupeEvents(options.seenEvents ?? new MemorySeenEvents()));
  // Per app, not per module: each app (and each test's) remembers only its own clicks.
  const recentShares = new MemorySeenEvents({ ttlMs: SLACK_SHARES.repeatWindowMs, maxIds: SLACK_SHARES.maxRemembered });
  app.use(async ({ context, next }) => {
    context.recentShares = recentShares;
    await next();
  });
  const onError: ExtendedErrorHandler = async ({ error, context, body }) => {
    // NOTE: not rethrown: the request was acked already, and a rethrow would only turn into a 500.
    const log = (context as Partial<PaperbotContext>).log ?? logger;
    if (!isExpiredResponseUrl(error)) log.error({ err: error, code: error.code }, 'listener failed');
    await tellUserItFailed({ error, body, client: app.client, fetch: fetchFn, log });
  };
  app.error(onError);
  options.listeners(app, deps);
  return app;
}
