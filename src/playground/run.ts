import type { Writable } from 'node:stream';
import { SLACK_APP } from '../config.js';
import { startPlayground, type Playground, type PlaygroundOptions } from './start.js';

/** What `npm start` prints with no Slack settings: where to go, and how to get out of the sandbox. */
export function playgroundBanner(url: string): string {
  return [
    '',
    `  Paperbot playground: ${url}`,
    '',
    '  No Slack settings found, so the app runs against a local stand-in for Slack: the same',
    `  handlers, in your browser. Try ${SLACK_APP.command} long context, or @Paperbot anything on quantization?`,
    '',
    '  To connect a real workspace instead, create the app from manifest.yml and put its tokens in',
    '  .env (see .env.example); docs/slack-setup.md walks through it. Ctrl-C stops.',
    '',
  ].join('\n');
}

/** Starts the playground and says where it is. */
export async function runPlayground(options: PlaygroundOptions & { output?: Writable }): Promise<Playground> {
  const playground = await startPlayground(options);
  (options.output ?? process.stdout).write(`${playgroundBanner(playground.url)}\n`);
  return playground;
}
