import type { Logger } from '../logger.js';

export interface StopOnSignalsOptions {
  signals?: NodeJS.Signals[];
  exit?: (code: number) => void;
}

/**
 * SIGTERM (or SIGINT): stop taking requests, let those in flight finish (`app.stop()` drains),
 * then exit 0; 1 if the drain failed or ran out of time. A second signal exits at once.
 */
export function stopOnSignals(app: { stop(): Promise<unknown> }, logger: Logger, options: StopOnSignalsOptions = {}): void {
  const { signals = ['SIGINT', 'SIGTERM'], exit = (code: number) => process.exit(code) } = options;
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting without waiting');
      exit(1);
      return;
    }
    stopping = true;
    logger.info({ signal }, 'stopping: finishing requests in flight');
    app.stop().then(
      (finished) => {
        logger.info('stopped');
        exit(finished === false ? 1 : 0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'stopping failed');
        exit(1);
      },
    );
  };
  for (const signal of signals) process.on(signal, onSignal);
}
