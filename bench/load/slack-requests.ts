import { createHmac } from 'node:crypto';

/** The secret both bench targets verify with (any 8+ characters do; this is Slack's published example). */
export const BENCH_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
export const BENCH_TOKEN = 'xoxb-0000-0000-loadbenchtoken';
export const BENCH_BOT = { botId: 'B0PAPERBOT', botUserId: 'U0PAPERBOT' };

/** One request as Slack would send it, signed now. */
export interface SignedRequest {
  kind: 'command' | 'mention' | 'click';
  body: string;
  headers: Record<string, string>;
}

const FORM = 'application/x-www-form-urlencoded';

function sign(kind: SignedRequest['kind'], body: string, contentType: string): SignedRequest {
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', BENCH_SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return {
    kind,
    body,
    headers: { 'content-type': contentType, 'content-length': String(Buffer.byteLength(body)), 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature },
  };
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

export function command(query: string, responseUrl: string): SignedRequest {
  const n = ++seq;
  const body = new URLSearchParams({
    token: 'verification-token-unused',
    team_id: 'T0BENCH',
    team_domain: 'bench',
    channel_id: 'C0BENCH',
    channel_name: 'bench',
    user_id: `U0BENCH${n % 50}`,
    user_name: 'bench',
    command: '/paper',
    text: query,
    api_app_id: 'A0BENCH',
    response_url: `${responseUrl}/c${n}`,
    trigger_id: `${n}.1.bench`,
  }).toString();
  return sign('command', body, FORM);
}

export function mention(query: string): SignedRequest {
  const n = ++seq;
  const ts = `1700000000.${String(n).padStart(6, '0')}`;
  const body = JSON.stringify({
    token: 'verification-token-unused',
    team_id: 'T0BENCH',
    api_app_id: 'A0BENCH',
    type: 'event_callback',
    event_id: `Ev0BENCH${n}`,
    event_time: 1700000000,
    authed_users: [BENCH_BOT.botUserId],
    event: { type: 'app_mention', user: `U0BENCH${n % 50}`, text: `<@${BENCH_BOT.botUserId}> ${query}`, ts, event_ts: ts, channel: 'C0BENCH' },
  });
  return sign('mention', body, 'application/json');
}

/** An Abstract click under `/paper` results (answered through the response_url). */
export function click(paperId: string, responseUrl: string): SignedRequest {
  const n = ++seq;
  const payload = {
    type: 'block_actions',
    team: { id: 'T0BENCH', domain: 'bench' },
    user: { id: `U0BENCH${n % 50}`, username: 'bench', team_id: 'T0BENCH' },
    api_app_id: 'A0BENCH',
    token: 'verification-token-unused',
    container: { type: 'message', message_ts: '1700000000.000001', channel_id: 'C0BENCH', is_ephemeral: true },
    trigger_id: `${n}.2.bench`,
    channel: { id: 'C0BENCH', name: 'bench' },
    response_url: `${responseUrl}/b${n}`,
    actions: [{ action_id: 'paper_abstract', block_id: 'c0', value: paperId, type: 'button', action_ts: '1700000000.1', text: { type: 'plain_text', text: 'Abstract' } }],
  };
  return sign('click', new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), FORM);
}
