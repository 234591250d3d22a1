import type { webApi } from '@slack/bolt';

export type RetryPolicy = webApi.RetryOptions;

/**
 * How long to wait before retry number `attempt` (0-based), the way node-retry (behind the Web
 * API client) computes it, so response_url posts and Web API calls back off alike.
 */
export function retryDelayMs(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const { minTimeout = 1000, maxTimeout = Infinity, factor = 2, randomize = false } = policy;
  const jitter = randomize ? 1 + random() : 1;
  return Math.min(Math.round(jitter * minTimeout * factor ** attempt), maxTimeout);
}

/** Whether another try fits the policy: tries left and time left (`maxRetryTime`) after waiting `waitMs`. */
export function mayRetry(policy: RetryPolicy, attempt: number, elapsedMs: number, waitMs: number): boolean {
  const retries = policy.retries ?? 10;
  const budget = policy.maxRetryTime ?? Infinity;
  return attempt < retries && elapsedMs + waitMs < budget;
}
