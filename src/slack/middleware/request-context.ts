import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from '../../logger.js';

/** What follows a request through every callback and promise it starts. */
export interface RequestContext {
  /** The request's child logger (its command, event or action, user, channel). */
  log: Logger;
}

/**
 * The request a piece of code is running for. NOTE: Node runs `unhandledRejection` and
 * `uncaughtException` handlers in the async context of the failure, so the process guard can
 * log a stray error with the request that caused it; this is what makes that possible.
 */
export const requestContext = new AsyncLocalStorage<RequestContext>();

/** The current request's logger, or `fallback` outside any request. */
export const currentLog = (fallback: Logger): Logger => requestContext.getStore()?.log ?? fallback;
