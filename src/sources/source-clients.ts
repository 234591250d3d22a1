import { DEFAULT_DATA_DIR } from '../config.js';
import { ARXIV, ArxivClient } from './arxiv-client.js';
import { type ArxivGate, sharedArxivGate } from './arxiv-gate.js';
import type { Clock } from './clock.js';
import { HttpClient } from './http-client.js';
import { sharedCooldown } from './rate-limit.js';
import { SOURCES } from '../config.js';

export const HUGGING_FACE = 'Hugging Face';

/** What a deployment (or a test) may change; everything else is {@link SOURCES}. */
export interface SourceSettings {
  /** HF_API_URL. */
  hfApiUrl?: string;
  /** ARXIV_API_URL. */
  arxivApiUrl?: string;
  /** ARXIV_MIN_INTERVAL_MS. */
  arxivMinIntervalMs?: number;
  hfTimeoutMs?: number;
  arxivTimeoutMs?: number;
  userAgent?: string;
  /** Where `page:` sources read `sources/` and the metadata file. */
  dataDir?: string;
  hfDailyLimit?: number;
  hfBackfillDays?: number;
  arxivCategoryPageSize?: number;
  arxivCategoryMaxPages?: number;
  /** "Today" for the daily papers (UTC). Tests only. */
  today?: () => Date;
  /** Tests only: a gate of their own (with an injected clock) instead of the process-wide one. */
  arxivGate?: ArxivGate;
  /** Tests only: a clock for the rate-limit cooldowns (the shared ones use the real clock). */
  clock?: Clock;
}

/** Settings with every default filled in. */
export interface ResolvedSourceSettings {
  hfApiUrl: string;
  arxivApiUrl: string;
  arxivMinIntervalMs: number;
  hfTimeoutMs: number;
  arxivTimeoutMs: number;
  userAgent: string;
  dataDir: string;
  hfDailyLimit: number;
  hfBackfillDays: number;
  arxivCategoryPageSize: number;
  arxivCategoryMaxPages: number;
  today: () => Date;
}

export interface SourceClients {
  settings: ResolvedSourceSettings;
  hf: HttpClient;
  arxiv: ArxivClient;
}

/** Merges `settings` over {@link SOURCES}, once. */
export function resolveSourceSettings(settings: SourceSettings = {}): ResolvedSourceSettings {
  return {
    hfApiUrl: settings.hfApiUrl ?? SOURCES.hf.apiUrl,
    arxivApiUrl: settings.arxivApiUrl ?? SOURCES.arxiv.apiUrl,
    arxivMinIntervalMs: settings.arxivMinIntervalMs ?? SOURCES.arxiv.minIntervalMs,
    hfTimeoutMs: settings.hfTimeoutMs ?? SOURCES.hf.timeoutMs,
    arxivTimeoutMs: settings.arxivTimeoutMs ?? SOURCES.arxiv.timeoutMs,
    userAgent: settings.userAgent ?? SOURCES.userAgent,
    dataDir: settings.dataDir ?? DEFAULT_DATA_DIR,
    hfDailyLimit: settings.hfDailyLimit ?? SOURCES.hf.dailyLimit,
    hfBackfillDays: settings.hfBackfillDays ?? SOURCES.hf.backfillDays,
    arxivCategoryPageSize: settings.arxivCategoryPageSize ?? SOURCES.arxiv.categoryPageSize,
    arxivCategoryMaxPages: settings.arxivCategoryMaxPages ?? SOURCES.arxiv.categoryMaxPages,
    today: settings.today ?? (() => new Date()),
  };
}

/**
 * The Hugging Face and arXiv clients for `settings`. Cheap: the state that must be shared (the
 * arXiv gate, each service's rate-limit cooldown) is process-wide, keyed by API origin, so clients
 * created twice still queue on one gate and respect one another's 429s.
 *
 * @example const { arxiv } = createSourceClients({ arxivApiUrl: process.env.ARXIV_API_URL });
 */
export function createSourceClients(settings: SourceSettings = {}): SourceClients {
  const resolved = resolveSourceSettings(settings);
  const common = { userAgent: resolved.userAgent, maxBodyBytes: SOURCES.maxBodyBytes, defaultRetryAfterMs: SOURCES.defaultRetryAfterMs };
  const hf = new HttpClient({
    ...common,
    service: HUGGING_FACE,
    baseUrl: resolved.hfApiUrl,
    timeoutMs: resolved.hfTimeoutMs,
    cooldown: settings.clock ? undefined : sharedCooldown(HUGGING_FACE, resolved.hfApiUrl),
    clock: settings.clock,
  });
  const arxivHttp = new HttpClient({
    ...common,
    service: ARXIV,
    baseUrl: resolved.arxivApiUrl,
    timeoutMs: resolved.arxivTimeoutMs,
    cooldown: settings.clock ? undefined : sharedCooldown(ARXIV, resolved.arxivApiUrl),
    clock: settings.clock,
  });
  const gate = settings.arxivGate ?? sharedArxivGate(resolved.arxivApiUrl, resolved.arxivMinIntervalMs);
  return { settings: resolved, hf, arxiv: new ArxivClient(arxivHttp, gate) };
}
