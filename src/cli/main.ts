#!/usr/bin/env node
import { readBaseConfig } from '../env-config.js';
import { runCli } from './run-cli.js';

Promise.resolve()
  .then(() =>
    runCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, isTTY: process.stdout.isTTY }, readBaseConfig()),
  )
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    process.stderr.write(`paperbot: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
