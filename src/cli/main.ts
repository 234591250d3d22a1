#!/usr/bin/env node
import { readBaseConfig, readBotToken } from '../env-config.js';
import { readEnvFile } from '../load-env-file.js';
import { exitQuietlyOnClosedPipe } from './closed-pipe.js';
import { invocation } from './invocation.js';
import { runCli } from './run-cli.js';

exitQuietlyOnClosedPipe(process.stdout);
exitQuietlyOnClosedPipe(process.stderr);

/** The app's settings, and the bot token for `digest`. */
function settings() {
  const file = readEnvFile().values;
  return { ...readBaseConfig(process.env, file), botToken: readBotToken(process.env, file) };
}

Promise.resolve()
  .then(() =>
    runCli(
      process.argv.slice(2),
      {
        stdin: process.stdin,
        stdout: process.stdout,
        stderr: process.stderr,
        isTTY: process.stdout.isTTY,
        program: invocation(process.env, process.argv[1] ?? 'paperbot', process.cwd()),
      },
      // The same settings as the app: the environment first, then .env (or PAPERBOT_ENV_FILE).
      settings(),
    ),
  )
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    process.stderr.write(`paperbot: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
