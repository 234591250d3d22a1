import { type Clock, realClock } from './clock.js';
import { Cooldown, parseRateLimit, parseRetryAfter } from './rate-limit.js';
import { SourceError } from './source-error.js';

export interface HttpClientOptions {
  /** Named in errors: `arXiv`, `Hugging Face`. */
  service: string;
  /** Prefix of every request: `https://huggingface.co`, `https://export.arxiv.org/api/query`. */
  baseUrl: string;
  /** Per request, body included. */
  timeoutMs: number;
  userAgent: string;
  maxBodyBytes: number;
  /** Used when a 429 says neither Retry-After nor RateLimit. */
  defaultRetryAfterMs: number;
  /** Shared with every client of the same service (see `sharedCooldown`); a fresh one otherwise. */
  cooldown?: Cooldown;
  clock?: Pick<Clock, 'now'>;
  /** Tests only, and only if a real local server cannot show what they need. */
  fetch?: typeof fetch;
}

export interface HttpGet {
  /** Appended to the base URL as is: `/api/daily_papers`. */
  path?: string;
  query?: Record<string, string | number | undefined>;
  accept: string;
  signal?: AbortSignal;
  /** Non-2xx statuses the caller handles itself (Hugging Face's 404 for an unknown paper). */
  allowStatuses?: readonly number[];
}

export interface HttpResult {
  status: number;
  text: string;
  headers: Headers;
}

/**
 * A small GET client for one service: base URL, timeout, User-Agent, the service's rate-limit
 * headers, and every failure turned into a {@link SourceError}.
 *
 * @example
 * const hf = new HttpClient({ service: 'Hugging Face', baseUrl: 'https://huggingface.co', timeoutMs: 10_000, … });
 * const { text } = await hf.get({ path: '/api/daily_papers', query: { date: '2026-09-18' }, accept: 'application/json' });
 */
export class HttpClient {
  readonly service: string;
  private readonly options: HttpClientOptions;
  private readonly cooldown: Cooldown;
  private readonly fetchImpl: typeof fetch;

  constructor(options: HttpClientOptions) {
    this.options = options;
    this.service = options.service;
    this.cooldown = options.cooldown ?? new Cooldown(options.clock ?? realClock);
    this.fetchImpl = options.fetch ?? fetch;
  }

  /** Fails fast with `rate-limited` while the service's cooldown lasts (see rate-limit.ts). */
  assertNotCoolingDown(): void {
    const left = this.cooldown.remainingMs();
    if (left > 0) throw SourceError.rateLimited(this.service, left);
  }

  /** GETs `path` with `query`; resolves with the whole body as text, or throws a {@link SourceError}. */
  async get(request: HttpGet): Promise<HttpResult> {
    this.assertNotCoolingDown();
    const url = this.url(request);
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    const signal = request.signal ? AbortSignal.any([timeout, request.signal]) : timeout;
    const failure = (error: unknown) => this.failure(error, timeout, request.signal);

    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        method: 'GET',
        headers: { 'user-agent': this.options.userAgent, accept: request.accept },
        redirect: 'follow',
        signal,
      });
    } catch (error) {
      throw failure(error);
    }

    this.noteRateLimit(response.headers);
    const rateLimited = response.status === 429 || (response.status === 503 && response.headers.has('retry-after'));
    if (rateLimited || !(response.ok || request.allowStatuses?.includes(response.status))) {
      // Drain a little of the body so the connection can be reused; its content is only for logs.
      const snippet = await readBytes(response, 2_000).then(
        (b) => b.toString('utf8'),
        () => '',
      );
      if (rateLimited) throw this.rateLimited(response);
      throw SourceError.http(this.service, response.status, snippet.slice(0, 200));
    }

    let bytes: Buffer;
    try {
      bytes = await readBytes(response, this.options.maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLarge) throw SourceError.garbled(this.service, 'answer too large', `over ${this.options.maxBodyBytes} bytes`);
      throw failure(error);
    }
    try {
      return { status: response.status, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), headers: response.headers };
    } catch (error) {
      throw SourceError.garbled(this.service, 'not UTF-8 text', undefined, error);
    }
  }

  private url({ path = '', query = {} }: HttpGet): URL {
    const url = new URL(this.options.baseUrl.replace(/\/+$/, '') + path);
    for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, String(value));
    return url;
  }

  /** Hugging Face announces its window on every answer: none left means no calls until it resets. */
  private noteRateLimit(headers: Headers): void {
    const limit = parseRateLimit(headers.get('ratelimit'));
    if (limit && limit.remaining <= 0) this.cooldown.hold(limit.resetSeconds * 1000);
  }

  /**
   * A 429 (or a 503 with Retry-After, which HTTP defines as "come back later"): how long to wait
   * comes from Retry-After, else the RateLimit header's reset, else the default.
   */
  private rateLimited(response: Response): SourceError {
    const limit = parseRateLimit(response.headers.get('ratelimit'));
    const retryAfterMs =
      parseRetryAfter(response.headers.get('retry-after'), Date.now()) ?? (limit ? limit.resetSeconds * 1000 : undefined) ?? this.options.defaultRetryAfterMs;
    this.cooldown.hold(retryAfterMs);
    return SourceError.rateLimited(this.service, retryAfterMs, response.status);
  }

  /**
   * A failed fetch or body read: our timeout, the caller's abort, or the network.
   * NOTE: a caller's abort (a deadline of its own, or shutdown) also reports as `timeout`: the
   * five kinds describe what the caller sees (no answer in the time it had), and a sixth kind
   * only for "you cancelled it" would be one more case every caller has to handle.
   */
  private failure(error: unknown, timeout: AbortSignal, callerSignal: AbortSignal | undefined): SourceError {
    if (timeout.aborted) return SourceError.timeout(this.service, `no complete answer within ${this.options.timeoutMs} ms`, error);
    if (callerSignal?.aborted) return SourceError.timeout(this.service, 'cancelled by the caller', error);
    return SourceError.unreachable(this.service, networkCode(error), error);
  }
}

class BodyTooLarge extends Error {}

/** The body, refusing more than `maxBytes` (a misbehaving server cannot fill our memory). */
async function readBytes(response: Response, maxBytes: number): Promise<Buffer> {
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** `ECONNREFUSED`, `ENOTFOUND`, `UND_ERR_SOCKET` …: undici hides the cause one or two levels down. */
function networkCode(error: unknown): string {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth += 1) {
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code === 'string') return code;
  }
  return error instanceof Error ? error.message : String(error);
}
