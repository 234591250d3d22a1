import { App, ErrorCode, type InstallationStore, type Receiver, webApi } from '@slack/bolt';
import type { Workspace } from '../answers/answer-deps.js';
import { SLACK_SHARES, SLACK_WEB_API } from '../config.js';
import type { HttpConfig, OAuthConfig, SlackConfig } from '../env-config.js';
import { toBoltLogger, type Logger } from '../logger.js';
import type { Deps, PaperbotContext } from './deps.js';
import { GuardedHttpReceiver } from './http/guarded-receiver.js';
import { healthRoute, readyRoute } from './http/health-route.js';
import { installerSettings } from './http/oauth-installer.js';
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
  /** One workspace (its bot token in the settings), or OAuth mode (each workspace's token from `installationStore`). */
  config: SlackConfig | OAuthConfig;
  deps: Deps;
  logger: Logger;
  /** Every Slack surface Paperbot answers on (`registerListeners` from handlers/index.ts). */
  listeners: RegisterListeners;
  /**
   * Who the bot is. Given up front, Bolt never calls `auth.test` itself: `main` asks once at
   * start (failing clearly on a bad token) and tests pass fixed ids. Required with one
   * workspace; in OAuth mode each request's installation says (Bolt's authorize).
   */
  identity?: BotIdentity;
  /** OAuth mode: the installations (src/store/installations.ts), read by Bolt's authorize on every request. Required in that mode. */
  installationStore?: InstallationStore;
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
  /** Share clicks taken in the last moments (a repeat posts nothing); this app's memory unless instances share a store. */
  recentShares?: SeenEvents;
}

/**
 * Slack's HTTP receiver behind Paperbot's guard: events, commands and interactivity at `/slack/events`, plus `/healthz`;
 * in OAuth mode (`installer`) also the install pages at `/slack/install` and `/slack/oauth_redirect`.
 */
export function createHttpReceiver(
  config: HttpConfig | OAuthConfig,
  options: { deps: Deps; logger: Logger; processBeforeResponse?: boolean; installer?: ReturnType<typeof installerSettings> },
): GuardedHttpReceiver {
  return new GuardedHttpReceiver({
    signingSecret: config.signingSecret,
    port: config.port,
    logger: options.logger,
    openRoutes: [healthRoute(options.deps), readyRoute(options.deps)],
    processBeforeResponse: options.processBeforeResponse ?? false,
    ...(options.installer ? { installer: options.installer } : {}),
  });
}

/** Each app's Web API client settings, for the clients of other tokens (OAuth mode: {@link workspaceClients}, failure notices). */
const clientOptionsOf = new WeakMap<App<PaperbotContext>, webApi.WebClientOptions>();

/**
 * OAuth mode: the Web API client of a workspace, with its bot token (`botTokenFor`, from the
 * installations) and the app's own client settings (SLACK_API_URL, retries, posting once);
 * undefined when Paperbot is not installed there. Digests post through it.
 */
export function workspaceClients(
  app: App<PaperbotContext>,
  botTokenFor: (ws: Workspace) => Promise<string | undefined>,
): (ws: Workspace) => Promise<webApi.WebClient | undefined> {
  const clients = new Map<string, webApi.WebClient>();
  return async (ws) => {
    const token = await botTokenFor(ws);
    if (!token) return undefined;
    let client = clients.get(token);
    if (!client) clients.set(token, (client = new webApi.WebClient(token, clientOptionsOf.get(app))));
    return client;
  };
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
  const { config, deps, logger } = options;
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
  const clientOptions = {
    slackApiUrl: config.slackApiUrl,
    rejectRateLimitedCalls: SLACK_WEB_API.rejectRateLimitedCalls,
    ...options.clientOptions,
    retryConfig,
    timeout,
    fetch: fetchFn,
  };
  // One workspace: its token and ids, once. OAuth mode: none up front; Bolt's authorize reads each request's installation.
  const single = config.mode === 'oauth' ? {} : { token: config.botToken, ...identityOf(options) };
  const common = {
    ...single,
    logger: boltLogger,
    extendedErrorHandler: true,
    // Bolt's per-conversation state store: unused here, and a lookup on every request.
    convoStore: false as const,
    clientOptions,
  };

  let app: App<PaperbotContext>;
  if (options.receiver) {
    app = new App<PaperbotContext>({ ...common, receiver: options.receiver });
  } else if (config.mode === 'socket') {
    // Socket Mode needs no public URL; /healthz is still served on PORT.
    app = new App<PaperbotContext>({
      ...common,
      socketMode: true,
      appToken: config.appToken,
      port: config.port,
      customRoutes: [healthRoute(deps), readyRoute(deps)],
    });
  } else {
    const installer = config.mode === 'oauth' ? installerSettings(config, installationStoreOf(options), clientOptions) : undefined;
    const receiver = createHttpReceiver(config, { deps, logger, processBeforeResponse: options.processBeforeResponse, installer });
    app = new App<PaperbotContext>({ ...common, receiver });
  }
  clientOptionsOf.set(app, { ...clientOptions, logger: boltLogger });

  app.use(requestLogger(logger));
  app.use(dedupeEvents(options.seenEvents ?? new MemorySeenEvents()));
  // Per app, not per module: each app (and each test's) remembers only its own clicks.
  const recentShares = options.recentShares ?? new MemorySeenEvents({ ttlMs: SLACK_SHARES.repeatWindowMs, maxIds: SLACK_SHARES.maxRemembered });
  app.use(async ({ context, next }) => {
    context.recentShares = recentShares;
    await next();
  });
  const onError: ExtendedErrorHandler = async ({ error, context, body }) => {
    // NOTE: not rethrown: the request was acked already, and a rethrow would only turn into a 500.
    const log = (context as Partial<PaperbotContext>).log ?? logger;
    if (error.code === ErrorCode.AuthorizationError) {
      // OAuth mode: not installed in this workspace (uninstalled, revoked), or its installation cannot be read. Nothing to answer with.
      const from = body as { team_id?: unknown; enterprise_id?: unknown; team?: { id?: unknown } | null };
      log.warn({ err: error, teamId: from.team_id ?? from.team?.id, enterpriseId: from.enterprise_id }, 'no installation for this workspace: not answered');
      return;
    }
    if (!isExpiredResponseUrl(error)) log.error({ err: error, code: error.code }, 'listener failed');
    // OAuth mode: the notice goes out with the workspace's own token, as the listener's replies did.
    const botToken = config.mode === 'oauth' ? (context as { botToken?: string }).botToken : undefined;
    const client = botToken ? new webApi.WebClient(botToken, clientOptionsOf.get(app)) : app.client;
    await tellUserItFailed({ error, body, client, fetch: fetchFn, log });
  };
  app.error(onError);
  options.listeners(app, deps);
  return app;
}

function identityOf(options: CreateAppOptions): BotIdentity {
  if (!options.identity) throw new Error('createApp: with one workspace (SLACK_BOT_TOKEN), the bot identity is needed (fetchBotIdentity)');
  return options.identity;
}

function installationStoreOf(options: CreateAppOptions): InstallationStore {
  if (!options.installationStore) throw new Error('createApp: OAuth mode needs the installation store (src/store/installations.ts)');
  return options.installationStore;
}
