import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { messageProblems } from './block-limits.js';

/** One call the app made: a Web API method, or a post to a `response_url`. */
export interface RecordedCall {
  kind: 'api' | 'response_url';
  /** `chat.postMessage`, … for the Web API; the response_url's id otherwise. */
  method: string;
  /** Form fields (Web API, `blocks`/`view` JSON-parsed) or the JSON body (response_url). */
  params: Record<string, any>;
  authorization: string | undefined;
  /** What the fake answered (the `ts` of a posted message, …). */
  response?: Record<string, any>;
}

export const BOT = { userId: 'U0PAPERBOT', botId: 'B0PAPERBOT', teamId: 'T061EG9R6' };

const JSON_FIELDS = ['blocks', 'view', 'attachments', 'metadata'];
const MESSAGE_METHODS = new Set(['chat.postMessage', 'chat.postEphemeral', 'chat.update']);

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A stand-in for Slack's Web API and for `response_url`s, on a local port: it records every
 * call, checks every message against Block Kit's limits (see `problems`), and answers like Slack.
 * Point the app at it with `SLACK_API_URL = fake.apiUrl`.
 */
export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  /** Block-limit and escaping problems in any message the app sent. Tests assert it stays empty. */
  readonly problems: string[] = [];
  private server: Server | undefined;
  private failures = new Map<string, string[]>();
  private tsCounter = 0;
  baseUrl = '';

  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  /** A fresh response_url on this server. */
  responseUrl(id = `r${Math.random().toString(36).slice(2, 10)}`): string {
    return `${this.baseUrl}/response/${id}`;
  }

  /** The next call to `method` answers `{ ok: false, error }`, as Slack does. */
  failNext(method: string, error: string): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), error]);
  }

  api(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.kind === 'api' && c.method === method);
  }

  responses(id?: string): RecordedCall[] {
    return this.calls.filter((c) => c.kind === 'response_url' && (id === undefined || c.method === id));
  }

  /** Records a message the app sent some other way (an ack body) and checks it too. */
  check(message: Record<string, any>, where: string): void {
    this.problems.push(...messageProblems(message, where));
  }

  /** The problems seen so far, then a clean slate for the next test. */
  drain(): string[] {
    const problems = [...this.problems];
    this.reset();
    return problems;
  }

  reset(): void {
    this.calls.length = 0;
    this.problems.length = 0;
    this.failures.clear();
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      readBody(req).then((raw) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        const reply = (status: number, body: unknown) => {
          res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json' });
          res.end(typeof body === 'string' ? body : JSON.stringify(body));
        };
        if (url.pathname.startsWith('/response/')) {
          const id = url.pathname.slice('/response/'.length);
          const params = JSON.parse(raw || '{}');
          this.calls.push({ kind: 'response_url', method: id, params, authorization: req.headers.authorization });
          this.check(params, `response_url ${id}`);
          return reply(200, 'ok');
        }
        if (!url.pathname.startsWith('/api/')) return reply(404, 'not found');
        const method = url.pathname.slice('/api/'.length);
        const params = this.parseParams(raw, req.headers['content-type'] ?? '');
        const call: RecordedCall = { kind: 'api', method, params, authorization: req.headers.authorization };
        this.calls.push(call);
        if (MESSAGE_METHODS.has(method)) this.check(params, method);
        if (method === 'views.publish') this.check(params.view ?? {}, method);
        const failure = this.failures.get(method)?.shift();
        call.response = failure ? { ok: false, error: failure } : this.answer(method, params);
        return reply(200, call.response);
      }, (error: Error) => {
        res.writeHead(500);
        res.end(error.message);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private parseParams(raw: string, contentType: string): Record<string, any> {
    const params: Record<string, any> = contentType.includes('application/json') ? JSON.parse(raw || '{}') : Object.fromEntries(new URLSearchParams(raw));
    for (const field of JSON_FIELDS) if (typeof params[field] === 'string') params[field] = JSON.parse(params[field]);
    return params;
  }

  private answer(method: string, params: Record<string, any>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://example.slack.com/', team: 'Example', user: 'paperbot', team_id: BOT.teamId, user_id: BOT.userId, bot_id: BOT.botId };
      case 'chat.postMessage': {
        const ts = `1700000000.${String(++this.tsCounter).padStart(6, '0')}`;
        return { ok: true, channel: params.channel, ts, message: { type: 'message', text: params.text, ts, bot_id: BOT.botId } };
      }
      case 'views.publish':
        return { ok: true, view: { id: 'V0HOME', ...params.view } };
      default:
        return { ok: true };
    }
  }
}
