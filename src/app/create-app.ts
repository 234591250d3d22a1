import { App, HTTPReceiver, type CustomRoute, type Receiver, type webApi } from '@slack/bolt';
import { registerListeners } from '../../handlers/index.js';
import { SLACK_APP, SLACK_WEB_API, type HttpConfig, type SlackConfig } from '../config.js';
import { toBoltLogger, type Logger } from '../logger.js';
import type { Deps, PaperbotContext } from './deps.js';
import { requestLogger } from './request-logger.js';

// Bolt does not export the type; the last overload of app.error is the extended one.
type ExtendedErrorHandler = Parameters<App['error']>[0];

/** The bot's own ids in the workspace (from `auth.test`). */
export interface BotIdentity {
  botId: string;
  botUserId: string;
}

export interface CreateAppOptions {
  config: SlackConfig;
  deps: Deps;
  logger: Logger;
  /**
   * Who the bot is. Given up front, Bolt never calls `auth.test` itself: `main` asks once at
   * start (failing clearly on a bad token) and tests pass fixed ids.
   */
  identity: BotIdentity;
  /** Another receiver (the playground, a test harness); by default HTTP or Socket Mode per `config.mode`. */
  receiver?: Receiver;
  /** Answer Slack's HTTP request only after the listener finishes (deterministic tests, FaaS). */
  processBeforeResponse?: boolean;
  /** Web API client overrides; tests use `{ retryConfig: { retries: 0 } }`. */
  clientOptions?: Pick<webApi.WebClientOptions, 'retryConfig' | 'fetch' | 'timeout' | 'rejectRateLimitedCalls'>;
}

/** `GET /healthz`: the process is up and has its corpus. */
export function healthRoute(deps: Deps): CustomRoute {
  return {
    path: SLACK_APP.healthPath,
    method: 'GET',
    handler: (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'ok', papers: deps.search.size }));
    },
  };
}

/** Slack's HTTP receiver: events, commands and interactivity at `/slack/events`, plus `/healthz`. */
export function createHttpReceiver(config: HttpConfig, options: { deps: Deps; logger: Logger; processBeforeResponse?: boolean }): HTTPReceiver {
  return new HTTPReceiver({
    signingSecret: config.signingSecret,
    endpoints: SLACK_APP.eventsPath,
    port: config.port,
    customRoutes: [healthRoute(options.deps)],
    processBeforeResponse: options.processBeforeResponse ?? false,
    logger: toBoltLogger(options.logger),
  });
}

/**
 * Builds Paperbot's Bolt app: the same listeners behind whichever receiver. Nothing listens until
 * `app.start()`.
 *
 * @example
 * const app = createApp({ config, deps, logger, identity });
 * await app.start(config.port);
 */
export function createApp(options: CreateAppOptions): App<PaperbotContext> {
  const { config, deps, logger, identity } = options;
  const boltLogger = toBoltLogger(logger);
  const common = {
    token: config.botToken,
    botId: identity.botId,
    botUserId: identity.botUserId,
    logger: boltLogger,
    extendedErrorHandler: true,
    clientOptions: {
      slackApiUrl: config.slackApiUrl,
      retryConfig: { ...SLACK_WEB_API.retryConfig },
      timeout: SLACK_WEB_API.timeoutMs,
      ...options.clientOptions,
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
  const onError: ExtendedErrorHandler = async ({ error, context }) => {
    // NOTE: logged, not rethrown: the request was acked already, and a rethrow would only turn into a 500.
    const log = (context as Partial<PaperbotContext>).log ?? logger;
    log.error({ err: error, code: error.code }, 'listener failed');
  };
  app.error(onError);
  registerListeners(app, deps);
  return app;
}
