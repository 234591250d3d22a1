import type { Logger } from '../logger.js';
import { currentLog } from '../slack/middleware/request-context.js';

type Guarded = Pick<NodeJS.Process, 'on' | 'off'>;

/**
 * Keeps one bad request from taking the whole bot down: an unhandled rejection or an uncaught
 * exception is logged, with the request it came from when there is one (see
 * request-context.ts), and the process goes on serving everyone else. NOTE: Node's default is
 * to exit; for a chat bot whose every request is independent, a lost request beats a lost
 * process, and the log line says which request to look at. Returns a function that removes the guards.
 */
export function installProcessGuards(logger: Logger, proc: Guarded = process): () => void {
  const onRejection = (reason: unknown) => currentLog(logger).error({ err: reason }, 'unhandled promise rejection (the process keeps running)');
  const onException = (error: Error, origin: string) => currentLog(logger).error({ err: error, origin }, 'uncaught exception (the process keeps running)');
  proc.on('unhandledRejection', onRejection);
  proc.on('uncaughtException', onException);
  return () => {
    proc.off('unhandledRejection', onRejection);
    proc.off('uncaughtException', onException);
  };
}
