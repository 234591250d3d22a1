import { registerListeners } from '../handlers/index.js';
import { SLACK_APP, SLACK_OAUTH } from './config.js';
import { combineSettings, readConfig, type Config } from './env-config.js';
import { type EnvFile, readEnvFile } from './load-env-file.js';
import { createLogger, type Logger, toBoltLogger } from './logger.js';
import { runPlayground } from './playground/run.js';
import type { Playground } from './playground/start.js';
import { installProcessGuards } from './process/process-guard.js';
import { stopOnSignals } from './process/shutdown.js';
import { startLibrary, type RunningLibrary } from './start-library.js';
import { fetchBotIdentity } from './slack/bot-identity.js';
import { webApiDigestPoster } from './slack/outbound/post-digest.js';
import { type BotIdentity, createApp, workspaceClients } from './slack/create-app.js';
import { StoreInstallations, storeDepartures } from './store/installations.js';
import { sealer } from './store/seal.js';

/** Says where the settings came from (names only, never values), so an ignored `.env` shows. */
function logSettingsSources(envFile: EnvFile, logger: Logger): void {
  if (!envFile.values) {
    logger.info({ envFile: envFile.path }, 'no .env file: settings from the environment only');
    return;
  }
  const { fromFile, fromFileOverBlank } = combineSettings(process.env, envFile.values);
  logger.info({ envFile: envFile.path, fromFile }, 'settings read from the environment and .env (the environment wins)');
  if (fromFileOverBlank.length) {
    logger.warn({ envFile: envFile.path, variables: fromFileOverBlank }, `blank in the environment, so taken from .env: ${fromFileOverBlank.join(', ')}`);
  }
}

/** Prints what is wrong (no stack: these are the operator's to fix) and exits 1. */
function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function main(): Promise<void> {
  let envFile: EnvFile;
  let config: Config;
  try {
    envFile = readEnvFile();
    config = readConfig(process.env, envFile.values);
  } catch (error) {
    fail((error as Error).message);
  }
  const logger = createLogger({ level: config.logLevel });
  installProcessGuards(logger);
  logSettingsSources(envFile, logger);

  let running: RunningLibrary;
  try {
    running = await startLibrary(config, logger);
  } catch (error) {
    fail((error as Error).message);
  }
  const { deps } = running;

  if (config.mode === 'local') {
    // No Slack settings anywhere: the same app, behind a stand-in for Slack, in the browser.
    // NOTE: loud on purpose: on a server this is a mistake (a blank Slack variable is an error, see env-config.ts).
    logger.warn(
      { envFile: envFile.path },
      `No Slack settings in the environment or in ${envFile.path}${envFile.values ? '' : ' (no such file)'}: ` +
        'starting the local playground, NOT connecting to Slack. To connect, set SLACK_BOT_TOKEN and SLACK_APP_TOKEN (docs/slack-setup.md).',
    );
    let playground: Playground;
    try {
      // Digests post through the playground's Slack stand-in, into its channels; the page's "Run digests now" runs them.
      playground = await runPlayground({ deps, logger, config, listeners: registerListeners, digests: (poster) => running.startDigests(poster) });
    } catch (error) {
      await running.close();
      fail((error as Error).message);
    }
    running.start();
    stopOnSignals({ stop: () => playground.stop().finally(() => running.close()) }, logger);
    return;
  }

  // One workspace: ask Slack whose the bot token is, once (a bad token fails here). OAuth mode:
  // each workspace's installation says, per request; tokens are sealed in the store.
  let identity: BotIdentity | undefined;
  if (config.mode !== 'oauth') {
    try {
      identity = await fetchBotIdentity(config, { logger: toBoltLogger(logger) });
    } catch (error) {
      await running.close();
      fail((error as Error).message);
    }
  }
  const installations = config.mode === 'oauth' ? new StoreInstallations(running.library.store, sealer(config.oauth.encryptionKey)) : undefined;
  // app_uninstalled and tokens_revoked delete the installation and what Paperbot keeps of the workspace.
  deps.departures = storeDepartures(running.library.store);
  // Several instances on one Postgres share their event and click claims (src/start-library.ts).
  const app = createApp({
    config,
    deps,
    logger,
    identity,
    installationStore: installations,
    listeners: registerListeners,
    seenEvents: running.shared?.seenEvents,
    recentShares: running.shared?.recentShares,
  });
  // Digests post with the watch's workspace's token: SLACK_BOT_TOKEN's client, or (OAuth) its installation's.
  const clientFor = installations ? workspaceClients(app, (ws) => installations.botTokenFor(ws)) : () => app.client;
  const started = config.mode === 'socket' ? await app.start() : await app.start(config.port);
  // With PORT=0 the system picks the port: say which.
  const port = (started as { address?: () => unknown } | undefined)?.address?.() as { port?: number } | undefined;
  logger.info(
    config.mode === 'socket'
      ? { mode: 'socket', health: `:${config.port}${SLACK_APP.healthPath}` }
      : {
          mode: config.mode,
          port: port?.port ?? config.port,
          events: SLACK_APP.eventsPath,
          health: SLACK_APP.healthPath,
          ...(config.mode === 'oauth' ? { install: SLACK_OAUTH.installPath } : {}),
        },
    `Paperbot is running: ${deps.search.size} papers`,
  );
  // Sources are fetched, and digests posted, once the app answers: a slow arXiv never holds up start-up.
  running.start();
  running.startDigests(webApiDigestPoster(clientFor));
  stopOnSignals(
    {
      async stop() {
        const drained = await app.stop();
        await running.close();
        return drained;
      },
    },
    logger,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
