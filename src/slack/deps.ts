import type { AnswerDeps } from '../answers/answer-deps.js';
import type { Logger } from '../logger.js';
import type { SeenEvents } from './middleware/event-dedupe.js';

/** What the listeners need from the rest of Paperbot, handed to them by whoever composes the app. */
export interface Deps extends AnswerDeps {
  /** Resolves when the store answers, rejects when it does not (`GET /readyz`); no check when absent. */
  ready?: () => Promise<void>;
  /** What a workspace leaving deletes (`app_uninstalled`, `tokens_revoked`); nothing is deleted when absent (no store). */
  departures?: Departures;
}

/** Where Paperbot was installed: a workspace, or an Enterprise Grid org (`isEnterpriseInstall`). */
export interface InstalledIn {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall: boolean;
}

/** A workspace leaving (src/store/installations.ts). Each call is idempotent: Slack may send either event first, or twice. */
export interface Departures {
  /** `app_uninstalled`: the installation and all the workspace's data (shares, saves, watches and their digests); rows deleted by table. */
  uninstalled(where: InstalledIn): Promise<Record<string, number>>;
  /** `tokens_revoked`: the installation, when its bot is among `botUserIds` (the event's `tokens.bot`); whether one was deleted. */
  tokensRevoked(where: InstalledIn, botUserIds: readonly string[]): Promise<boolean>;
}

/** What our global middleware adds to Bolt's `context` for every request. */
export interface PaperbotContext {
  /** A child logger carrying this request's command, event or action. */
  log: Logger;
  /** Share clicks taken in the last moments, this app's own (handlers/actions/share-paper.ts). */
  recentShares: SeenEvents;
}
