import { SlackHttpServer } from '../../src/slack-stand-in/http-server.js';
import { EXAMPLE_TEAM } from '../../src/slack-stand-in/payloads.js';
import { answerCall, type SlackAnswer, type SlackCall } from '../../src/slack-stand-in/routes.js';
import { type InstallGrant, WebApiModel, type WebApiModelOptions } from '../../src/slack-stand-in/web-api-model.js';
import { EXAMPLE_WORKSPACE, SlackWorkspace } from '../../src/slack-stand-in/workspace.js';
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

/** The app's bot in the example workspace the fake plays. */
export const BOT = { userId: EXAMPLE_TEAM.botUserId, botId: EXAMPLE_TEAM.botId, teamId: EXAMPLE_TEAM.teamId };

const MESSAGE_METHODS = new Set(['chat.postMessage', 'chat.postEphemeral', 'chat.update']);

/** Answered as Slack would have: no fault, or one that only made it late. */
const isDelivered = (call: RecordedCall): boolean => !call.fault || 'delayMs' in call.fault;

/** A fresh Slack for each test: the example workspace, open (any id the test makes up exists). */
const freshModel = (options: WebApiModelOptions = {}) => new WebApiModel(new SlackWorkspace(EXAMPLE_WORKSPACE, { world: 'open' }), options);

/**
 * Slack's Web API and response_urls on a local port: the Slack stand-in's model
 * (src/slack-stand-in), which answers as Slack does, with three things on top for tests: it
 * records every call, answers with the faults a test scripts, and checks every message against
 * Block Kit's limits (see `problems`). Point the app at it with `SLACK_API_URL = fake.apiUrl`.
 */
export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  /** Block-limit and escaping problems in any message the app sent. Tests assert it stays empty. */
  readonly problems: string[] = [];
  private faults = new Map<FaultTarget, Fault[]>();
  private waiters = new Set<(call: RecordedCall) => void>();
  private model: WebApiModel;
  private readonly server = new SlackHttpServer((call) => this.handle(call));

  /** `oauthApp`: the app's client id and secret, for `oauth.v2.access` (OAuth installs, {@link grantInstall}). */
  constructor(private readonly modelOptions: Pick<WebApiModelOptions, 'oauthApp'> = {}) {
    this.model = freshModel(modelOptions);
  }

  /** Someone clicked Allow on Slack's authorize page for `grant.team`: the code Slack sends their browser back with. */
  grantInstall(grant: InstallGrant): string {
    return this.model.grantInstall(grant);
  }

  get baseUrl(): string {
    return this.server.url;
  }

  get apiUrl(): string {
    return this.server.apiUrl;
  }

  /** A fresh response_url on this server. */
  responseUrl(id = `r${Math.random().toString(36).slice(2, 10)}`): string {
    return this.server.responseUrl(id);
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

  /**
   * Resolves with the first call that matches, as soon as it arrives (before it is answered), or
   * with one already recorded.
   *
   * @example await fake.waitFor((c) => c.method === 'chat.postMessage'); // the post is in flight
   */
  waitFor(match: (call: RecordedCall) => boolean): Promise<RecordedCall> {
    const seen = this.calls.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => {
      const waiter = (call: RecordedCall) => {
        if (!match(call)) return;
        this.waiters.delete(waiter);
        resolve(call);
      };
      this.waiters.add(waiter);
    });
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

  /** Forgets every call, problem and fault, and starts Slack afresh (no messages, no used response_urls). */
  reset(): void {
    this.calls.length = 0;
    this.problems.length = 0;
    this.faults.clear();
    this.model = freshModel(this.modelOptions);
  }

  async start(): Promise<this> {
    await this.server.start();
    return this;
  }

  async stop(): Promise<void> {
    await this.server.stop();
  }

  private async handle(call: SlackCall): Promise<SlackAnswer | 'drop'> {
    const isResponseUrl = call.kind === 'response_url';
    const recorded: RecordedCall = { kind: call.kind, method: call.method, params: call.params, authorization: call.authorization, at: Date.now() };
    this.calls.push(recorded);
    const fault = isResponseUrl ? (this.takeFault(`response_url:${call.method}`) ?? this.takeFault('response_url')) : this.takeFault(call.method);
    if (fault) recorded.fault = fault;
    for (const waiter of [...this.waiters]) waiter(recorded);

    if (fault && 'drop' in fault) return 'drop';
    if (fault && 'status' in fault) {
      const headers: Record<string, string> = fault.retryAfterSec !== undefined ? { 'retry-after': String(fault.retryAfterSec) } : {};
      return { status: fault.status, body: isResponseUrl ? 'fault' : { ok: false, error: `http_${fault.status}` }, headers };
    }
    // NOTE: the fault itself: Slack answering late. Nothing in a test waits on this timer.
    if (fault && 'delayMs' in fault) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));

    if (isResponseUrl) this.check(call.params, `response_url ${call.method}`);
    else if (MESSAGE_METHODS.has(call.method)) this.check(call.params, call.method);
    else if (call.method === 'views.publish') this.check(call.params['view'] ?? {}, call.method);
    else if (call.method === 'chat.unfurl') {
      // Each preview is a message of its own blocks (the URL stands in for the fallback text it has none of).
      for (const [url, unfurl] of Object.entries<any>(call.params['unfurls'] ?? {})) this.check({ text: url, blocks: unfurl?.blocks }, `chat.unfurl ${url}`);
    }
    if (fault && 'error' in fault) {
      recorded.response = { ok: false, error: fault.error };
      return { status: 200, body: recorded.response };
    }
    const answer = answerCall(this.model, call);
    if (!isResponseUrl) recorded.response = answer.body as Record<string, any>;
    return answer;
  }

  private takeFault(target: FaultTarget): Fault | undefined {
    return this.faults.get(target)?.shift();
  }
}
