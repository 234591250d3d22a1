import { appMention, blockActions, EXAMPLE_TEAM, slashCommand, type SlackBody } from '../../src/slack-stand-in/payloads.js';
import { signedHeaders } from '../../src/slack-stand-in/sign.js';

/** The secret both bench targets verify with (any 8+ characters do; this is Slack's published example). */
export const BENCH_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
export const BENCH_TOKEN = 'xoxb-0000-0000-loadbenchtoken';
/** The bot the targets are told they are (no `auth.test` at start); the stand-in's payloads name the same one. */
export const BENCH_BOT = { botId: EXAMPLE_TEAM.botId, botUserId: EXAMPLE_TEAM.botUserId };

/** One request as Slack would send it, signed now. */
export interface SignedRequest {
  kind: 'command' | 'mention' | 'click';
  body: string;
  headers: Record<string, string>;
}

const CHANNEL = { channel: 'C0BENCH', channelName: 'bench' };

function sign(kind: SignedRequest['kind'], { body, contentType }: SlackBody): SignedRequest {
  return { kind, body, headers: { ...signedHeaders(BENCH_SECRET, body, contentType), 'content-length': String(Buffer.byteLength(body)) } };
}

/** What people ask: phrases, filters, authors, ids, a typo, the sub-commands. */
export const QUERIES = [
  'diffusion models',
  'speech recognition',
  '"large language models"',
  'retrieval augmented generation',
  'image segmentation has:code',
  'reinforcement learning from human feedback',
  'speech year:2024',
  'vision transformer',
  'text to video generation',
  'mixture of experts -vision',
  'long context',
  'code generation benchmark',
  'difusion',
  'random',
  'similar speech recognition',
  'help',
];

let seq = 0;
/** One of fifty people asking. */
const asker = (n: number) => ({ user: `U0BENCH${n % 50}`, userName: 'bench' });

export function command(query: string, responseUrl: string): SignedRequest {
  const n = ++seq;
  return sign('command', slashCommand({ command: '/paper', text: query, responseUrl: `${responseUrl}/c${n}`, ...CHANNEL, ...asker(n) }));
}

export function mention(query: string): SignedRequest {
  const n = ++seq;
  return sign('mention', appMention({ text: `<@${BENCH_BOT.botUserId}> ${query}`, channel: CHANNEL.channel, user: asker(n).user }));
}

/** An Abstract click under `/paper` results (answered through the response_url). */
export function click(paperId: string, responseUrl: string): SignedRequest {
  const n = ++seq;
  const element = { type: 'button', action_id: 'paper_abstract', value: paperId, text: { type: 'plain_text', text: 'Abstract' } };
  const where = { type: 'message' as const, ...CHANNEL, message: { ts: '1700000000.000001', ephemeral: true }, responseUrl: `${responseUrl}/b${n}` };
  return sign('click', blockActions({ ...asker(n), element, blockId: 'c0', where }));
}
