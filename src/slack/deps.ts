import type { AnswerDeps } from '../answers/answer-deps.js';
import type { Logger } from '../logger.js';
import type { SeenEvents } from './middleware/event-dedupe.js';

/** What the listeners need from the rest of Paperbot, handed to them by whoever composes the app. */
export interface Deps extends AnswerDeps {}

/** What our global middleware adds to Bolt's `context` for every request. */
export interface PaperbotContext {
  /** A child logger carrying this request's command, event or action. */
  log: Logger;
  /** Share clicks taken in the last moments, this app's own (handlers/actions/share-paper.ts). */
  recentShares: SeenEvents;
}
