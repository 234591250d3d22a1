import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { registerListeners } from '../handlers/index.js';
import { SLACK_APP } from './config.js';
import { summarizeCorpus } from './corpus/corpus-summary.js';
import { readConfig, type Config } from './env-config.js';
import { loadCorpus } from './corpus/load-corpus.js';
import { createLogger, toBoltLogger } from './logger.js';
import { PROJECT_ROOT } from './paths.js';
import { runPlayground } from './playground/run.js';
import { installProcessGuards } from './process/process-guard.js';
import { stopOnSignals } from './process/shutdown.js';
import { createPaperSearch } from './search/paper-search.js';
import { fetchBotIdentity } from './slack/bot-identity.js';
import { createApp } from './slack/create-app.js';
import type { Deps } from './slack/deps.js';

/** Settings from `.env` when there is one; variables already set in the environment win. */
function loadDotEnv(): void {
  const path = join(PROJECT_ROOT, '.env');
  if (existsSync(path) && typeof process.loadEnvFile === 'function') process.loadEnvFile(path);
}

/** Prints what is wrong (no stack: these are the operator's to fix) and exits 1. */
function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function main(): Promise<void> {
  loadDotEnv();
  let config: Config;
  try {
    config = readConfig();
  } catch (error) {
    fail((error as Error).message);
  }
  const logger = createLogger({ level: config.logLevel });
  installProcessGuards(logger);

  let corpus;
  try {
    corpus = loadCorpus(config.dataDir);
  } catch (error) {
    fail((error as Error).message);
  }
  const search = createPaperSearch(corpus.papers);
  const deps: Deps = { search, corpusSummary: summarizeCorpus(corpus.papers, corpus.sources), random: Math.random };

  if (config.mode === 'local') {
    // No Slack settings: the same app, behind a stand-in for Slack, in the browser.
    try {
      await runPlayground({ deps, logger, config, listeners: registerListeners });
    } catch (error) {
      fail((error as Error).message);
    }
    return;
  }

  let identity;
  try {
    identity = await fetchBotIdentity(config, { logger: toBoltLogger(logger) });
  } catch (error) {
    fail((error as Error).message);
  }
  const app = createApp({ config, deps, logger, identity, listeners: registerListeners });
  const started = config.mode === 'http' ? await app.start(config.port) : await app.start();
  // With PORT=0 the system picks the port: say which.
  const port = (started as { address?: () => unknown } | undefined)?.address?.() as { port?: number } | undefined;
  logger.info(
    config.mode === 'http'
      ? { mode: 'http', port: port?.port ?? config.port, events: SLACK_APP.eventsPath, health: SLACK_APP.healthPath }
      : { mode: 'socket', health: `:${config.port}${SLACK_APP.healthPath}` },
    `Paperbot is running: ${search.size} papers`,
  );
  stopOnSignals(app, logger);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
