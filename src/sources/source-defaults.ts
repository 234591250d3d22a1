/**
 * Every default of the paper sources (src/sources), in one place.
 * NOTE: this moves into src/config.ts later; the environment settings that override some of it
 * (HF_API_URL, ARXIV_API_URL, ARXIV_MIN_INTERVAL_MS) belong in env-config.ts.
 */
export const SOURCES = {
  /**
   * Sent on every request. arXiv and Hugging Face ask API clients to say who they are and how to
   * reach whoever runs them. NOTE: point the URL at the real repository before deploying.
   */
  userAgent: 'Paperbot/0.1 (+https://github.com/paperbot/paperbot; research paper Slack bot)',
  /** The largest answer read; arXiv's 100-entry pages are about 300 kB, Hugging Face's days about 100 kB. */
  maxBodyBytes: 5_000_000,
  /** A 429 without Retry-After or RateLimit header: wait this long before asking again. */
  defaultRetryAfterMs: 60_000,
  /** At most this many skipped-entry reasons are kept in a fetch result (the count is always exact). */
  maxProblems: 20,

  hf: {
    apiUrl: 'https://huggingface.co',
    /** Per request, body included. Hugging Face answers in well under a second. */
    timeoutMs: 10_000,
    /** `limit` of a daily-papers request; Hugging Face's own tools cap it at 100, a featured day holds 10–60. */
    dailyLimit: 100,
    /** First run (no `since`): today and the days before it, this many days in all. Also the most a catch-up fetches. */
    backfillDays: 7,
  },

  arxiv: {
    apiUrl: 'https://export.arxiv.org/api/query',
    /** arXiv's terms: at most one request every three seconds, one connection at a time. */
    minIntervalMs: 3_000,
    /** Per request, body included. arXiv's API is slow at times (10 s is not rare for a 100-entry page). */
    timeoutMs: 30_000,
    /** `max_results` of a category fetch. */
    categoryPageSize: 100,
    /** A catch-up (`since`) reads at most this many pages of a category, newest first. */
    categoryMaxPages: 3,
    /** `max_results` of an exact-title query: exact matches are few; more only costs arXiv. */
    titleResults: 10,
  },
} as const;
