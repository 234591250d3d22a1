/**
 * The one error a paper source throws. Whatever goes wrong with a source (down, slow, rate
 * limiting, answering garbage) reaches the caller as a {@link SourceError} with a `kind` to branch
 * on and a short `message` that is safe to show a user; `detail` is for the operator's log.
 */

export type SourceErrorKind = 'unreachable' | 'timeout' | 'rate-limited' | 'http' | 'garbled';

export interface SourceErrorInit {
  kind: SourceErrorKind;
  /** Who failed, as a user would name it: `arXiv`, `Hugging Face`, `page:hf-papers-page.txt`. */
  service: string;
  message: string;
  /** HTTP status, for `http` (and `rate-limited` when the server said so). */
  status?: number;
  /** How long to wait before asking again, for `rate-limited`. */
  retryAfterMs?: number;
  /** For logs only: an error code, the start of an unexpected body. Never shown to users. */
  detail?: string;
  cause?: unknown;
}

export class SourceError extends Error {
  override readonly name = 'SourceError';
  readonly kind: SourceErrorKind;
  readonly service: string;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;
  readonly detail: string | undefined;

  constructor(init: SourceErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.service = init.service;
    this.status = init.status;
    this.retryAfterMs = init.retryAfterMs;
    this.detail = init.detail;
  }

  static unreachable(service: string, detail?: string, cause?: unknown): SourceError {
    return new SourceError({ kind: 'unreachable', service, message: `${service} is unreachable right now.`, detail, cause });
  }

  static timeout(service: string, detail?: string, cause?: unknown): SourceError {
    return new SourceError({ kind: 'timeout', service, message: `${service} did not answer in time.`, detail, cause });
  }

  static rateLimited(service: string, retryAfterMs: number, status?: number): SourceError {
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    return new SourceError({
      kind: 'rate-limited',
      service,
      message: `${service} is rate limiting Paperbot; retry after ${seconds} s.`,
      retryAfterMs,
      status,
    });
  }

  static http(service: string, status: number, detail?: string): SourceError {
    return new SourceError({ kind: 'http', service, message: `${service} answered with an error (HTTP ${status}).`, status, detail });
  }

  /** `what` is short and ours (never the raw answer): "not an Atom feed", "invalid JSON". */
  static garbled(service: string, what: string, detail?: string, cause?: unknown): SourceError {
    return new SourceError({ kind: 'garbled', service, message: `${service} sent an answer Paperbot cannot read (${what}).`, detail, cause });
  }
}

/**
 * Runs a source operation so that nothing but a {@link SourceError} escapes it.
 * NOTE: anything else (a bug of ours, an exception in a library) becomes `garbled`, with the
 * original as `cause`: callers branch on five kinds, never on a stray TypeError.
 *
 * @example const feed = await guardSource('arXiv', () => client.query({ idList: ['2308.16582'] }));
 */
export async function guardSource<T>(service: string, task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (error) {
    if (error instanceof SourceError) throw error;
    throw SourceError.garbled(service, 'unexpected failure', error instanceof Error ? error.message : String(error), error);
  }
}
