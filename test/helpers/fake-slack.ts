import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
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
  /** The fault it was answered with instead, if one was scripted. */
  fault?: Fault;
  /** When it arrived (ms since the epoch), to check that a retry waited. */
  at: number;
}

/**
 * A fault the fake answers with instead of Slack's normal answer, one per call:
 * - `{ error }`: HTTP 200 `{ ok: false, error }`, as Slack reports `not_in_channel` and the like;
 * - `{ status, retryAfterSec? }`: that HTTP status (429 with `Retry-After`, a 5xx, a 404 on an expired response_url);
 * - `{ drop: true }`: the connection is cut before any answer (the call was never carried out);
 * - `{ delayMs }`: the normal answer, late (for requests that must still be in flight).
 */
export type Fault = { error: string } | { status: number; retryAfterSec?: number } | { drop: true } | { delayMs: number };

/** Where a fault applies: a Web API method (`chat.postMessage`), every response_url, or one response_url by id. */
export type FaultTarget = string | 'response_url' | `response_url:${string}`;

export const BOT = { userId: 'U0PAPERBOT', botId: 'B0PAPERBOT', teamId: 'T061EG9R6' };

const JSON_FIELDS = ['blocks', 'view', 'attachments', 'metadata'];
const MESSAGE_METHODS = new Set(['chat.postMessage', 'chat.postEphemeral', 'chat.update']);

/** Answered as Slack would have: no fault, or one that only made it late. */
const isDelivered = (call: RecordedCall): boolean => !call.fault || 'delayMs' in call.fault;

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
  private faults = new Map<FaultTarget, Fault[]>();
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
    this.inject(method, { error });
  }

  /** The next calls to `target` meet these faults, one each, in order; later calls are answered normally. */
  inject(target: FaultTarget, ...faults: Fault[]): void {
    this.faults.set(target, [...(this.faults.get(target) ?? []), ...faults]);
  }

  /** Every call to `method`, faulted or not. */
  api(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.kind === 'api' && c.method === method);
  }

  /** Calls to `method` that Slack would have carried out (no fault, or only a delay). */
  delivered(method: string): RecordedCall[] {
    return this.api(method).filter(isDelivered);
  }

  /** Every post to a response_url (or to the one with this id), faulted or not. */
  responses(id?: string): RecordedCall[] {
    return this.calls.filter((c) => c.kind === 'response_url' && (id === undefined || c.method === id));
  }

  /** Posts to a response_url that went through. */
  deliveredResponses(id?: string): RecordedCall[] {
    return this.responses(id).filter(isDelivered);
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
    this.faults.clear();
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      readBody(req).then(
        (raw) => this.handle(req, res, raw),
        (error: Error) => {
          res.writeHead(500);
          res.end(error.message);
        },
      );
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  private async handle(req: IncomingMessage, res: ServerResponse, raw: string): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json', ...headers });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    const isResponseUrl = url.pathname.startsWith('/response/');
    if (!isResponseUrl && !url.pathname.startsWith('/api/')) return reply(404, 'not found');
    const method = url.pathname.slice(isResponseUrl ? '/response/'.length : '/api/'.length);
    const params = isResponseUrl ? JSON.parse(raw || '{}') : this.parseParams(raw, req.headers['content-type'] ?? '');
    const call: RecordedCall = { kind: isResponseUrl ? 'response_url' : 'api', method, params, authorization: req.headers.authorization, at: Date.now() };
    this.calls.push(call);
    const fault = isResponseUrl ? (this.takeFault(`response_url:${method}`) ?? this.takeFault('response_url')) : this.takeFault(method);
    if (fault) call.fault = fault;

    if (fault && 'drop' in fault) {
      res.socket?.destroy();
      return;
    }
    if (fault && 'status' in fault) {
      const headers: Record<string, string> = fault.retryAfterSec !== undefined ? { 'retry-after': String(fault.retryAfterSec) } : {};
      return reply(fault.status, isResponseUrl ? 'fault' : { ok: false, error: `http_${fault.status}` }, headers);
    }
    if (fault && 'delayMs' in fault) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));

    if (isResponseUrl) {
      this.check(params, `response_url ${method}`);
      return reply(200, 'ok');
    }
    if (MESSAGE_METHODS.has(method)) this.check(params, method);
    if (method === 'views.publish') this.check(params.view ?? {}, method);
    call.response = fault && 'error' in fault ? { ok: false, error: fault.error } : this.answer(method, params);
    return reply(200, call.response);
  }

  private takeFault(target: FaultTarget): Fault | undefined {
    return this.faults.get(target)?.shift();
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
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
