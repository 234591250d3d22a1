import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { PLAYGROUND } from '../config.js';
import type { DigestPoster } from '../digests/digest-poster.js';
import type { DigestReport } from '../digests/digest-runner.js';
import type { HttpConfig, LocalConfig } from '../env-config.js';
import type { Logger } from '../logger.js';
import { PROJECT_ROOT } from '../paths.js';
import { fetchBotIdentity } from '../slack/bot-identity.js';
import { createApp, type RegisterListeners } from '../slack/create-app.js';
import type { Deps } from '../slack/deps.js';
import { webApiDigestPoster } from '../slack/outbound/post-digest.js';
import { inProcessSlack } from '../slack-stand-in/in-process-fetch.js';
import { WebApiModel } from '../slack-stand-in/web-api-model.js';
import { loadEmojiNames } from './emoji-names.js';
import { Interactions } from './interactions.js';
import { PlaygroundReceiver } from './receiver.js';
import { createPlaygroundServer } from './server.js';
import { Workspace } from './workspace.js';

export interface PlaygroundOptions {
  deps: Deps;
  logger: Logger;
  /** The app's listeners (handlers/index.ts), as in every other mode. */
  listeners: RegisterListeners;
  /** The settings `npm start` found (no Slack ones); the port is theirs. */
  config: LocalConfig;
  host?: string;
  /** Shorter waits make tests quick; Slack's own by default (config.ts, PLAYGROUND). */
  longPollMs?: number;
  ackTimeoutMs?: number;
  webDir?: string;
  webBuildDir?: string;
  /**
   * Starts the watches' digests, posting through the playground's Slack stand-in (so they show
   * in the channel like any bot post); called once, when the page is up. What it returns answers
   * the page's "Run digests now". `main` passes `RunningLibrary.startDigests`; without it the page
   * is told digests are off.
   */
  digests?: (poster: DigestPoster) => PlaygroundDigests;
}

/** What "Run digests now" needs of the digests: src/digests/digest-runner.ts. */
export interface PlaygroundDigests {
  runNow(): Promise<DigestReport>;
}

export interface Playground {
  /** Where the page is, for people: `http://localhost:<port>/`. */
  url: string;
  port: number;
  workspace: Workspace;
  interactions: Interactions;
  stop(): Promise<void>;
}

/**
 * Starts Paperbot's real Bolt app (same factory, same listeners) behind the playground receiver,
 * with the Slack stand-in's Web API model answering in-process (src/slack-stand-in), and serves
 * the page that plays Slack's client.
 *
 * @example
 * const playground = await startPlayground({ deps, logger, config, listeners, digests: (poster) => running.startDigests(poster) });
 * console.log(playground.url); // http://localhost:3000/
 */
export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const { deps, logger } = options;
  const workspace = new Workspace(PLAYGROUND.workspace);
  // Made up per run and never printed: the stand-in only answers a client that has it, as Slack would.
  const token = `xoxb-playground-${randomBytes(16).toString('hex')}`;
  const slack = inProcessSlack({ model: new WebApiModel(workspace, { token }), origin: PLAYGROUND.origin, logger });
  const config: HttpConfig = { ...options.config, mode: 'http', botToken: token, signingSecret: randomBytes(16).toString('hex'), slackApiUrl: slack.apiUrl };
  // In-process calls: nothing to wait out, so no retries.
  const clientOptions = { fetch: slack.fetch, retryConfig: { retries: 0 } };

  const identity = await fetchBotIdentity(config, clientOptions);
  const receiver = new PlaygroundReceiver({ ackTimeoutMs: options.ackTimeoutMs, logger });
  const app = createApp({ config, deps, logger, identity, receiver, clientOptions, listeners: options.listeners });
  await app.start();

  const interactions = new Interactions(workspace, receiver, slack, logger);
  let emojiNames: Record<string, string> = {};
  try {
    emojiNames = loadEmojiNames();
  } catch (error) {
    // The page still works; emoji show as their `:name:` until the package is there.
    logger.warn({ err: error }, (error as Error).message);
  }
  // Started once the page is up (below); until then "Run digests now" says they are off.
  let digests: PlaygroundDigests | undefined;
  const server = createPlaygroundServer({
    workspace,
    interactions,
    logger,
    webDir: options.webDir ?? join(PROJECT_ROOT, 'src', 'playground', 'web'),
    webBuildDir: options.webBuildDir ?? join(PROJECT_ROOT, 'dist', 'playground-web'),
    longPollMs: options.longPollMs ?? PLAYGROUND.longPollMs,
    maxBodyBytes: PLAYGROUND.maxBodyBytes,
    emojiNames,
    health: () => ({ status: 'ok', papers: deps.search.size }),
    digests: () => digests,
  });
  try {
    await listen(server, options.config.port, options.host ?? PLAYGROUND.host);
  } catch (error) {
    await app.stop();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  // The same poster as the Slack modes', over the app's own client: a digest is a bot post in its channel.
  digests = options.digests?.(webApiDigestPoster(() => app.client));

  return {
    url: `http://localhost:${port}/`,
    port,
    workspace,
    interactions,
    async stop() {
      // Long polls and keep-alive connections would hold close() open for up to 25 s.
      workspace.releaseWaiters();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await app.stop();
    },
  };
}

/** Thrown when the port is taken, with what to do about it. */
export class PortInUseError extends Error {
  override name = 'PortInUseError';
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new PortInUseError(`Port ${port} is in use: stop what is using it, or start on another one, e.g. PORT=${port + 1} npm start`)
          : error,
      );
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}
