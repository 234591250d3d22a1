import { Cron } from 'croner';
import { DIGESTS } from '../config.js';
import type { Logger } from '../logger.js';
import type { DigestReport, DigestRunner } from './digest-runner.js';
import type { DigestSchedule } from './periods.js';

/**
 * Runs the digests that are due: once at start (a period missed while Paperbot was down goes out
 * now) and then on DIGESTS.tickPattern in the digest time zone (every hour on the hour), which
 * is when a daily digest's hour or a weekly one's Monday comes round. croner does the calendar
 * (time zones, daylight saving); the runner's claims make every extra look harmless.
 *
 * @example
 * const scheduler = new DigestScheduler(runner, { hour: 9, timeZone: 'Europe/Berlin' }, logger);
 * scheduler.start(); … await scheduler.stop();
 */
export class DigestScheduler {
  private job: Cron | undefined;
  private first: Promise<DigestReport | undefined> = Promise.resolve(undefined);

  constructor(
    private readonly runner: DigestRunner,
    private readonly schedule: DigestSchedule,
    private readonly logger: Logger,
    private readonly pattern: string = DIGESTS.tickPattern,
  ) {}

  /** Looks for due digests now, then at every tick; resolves with what the first look did. */
  start(): Promise<DigestReport | undefined> {
    if (this.job) return this.first;
    this.first = this.tick('start');
    // NOTE: `protect` skips a tick while the last one still runs (a slow Slack, many watches).
    this.job = new Cron(this.pattern, { timezone: this.schedule.timeZone, protect: true }, async () => {
      await this.tick('tick');
    });
    this.logger.info({ timeZone: this.schedule.timeZone, hour: this.schedule.hour, next: this.job.nextRun()?.toISOString() }, 'digest scheduler started');
    return this.first;
  }

  /** No more ticks; waits for a run under way. */
  async stop(): Promise<void> {
    this.job?.stop();
    this.job = undefined;
    await this.first;
    await this.runner.idle();
  }

  private async tick(why: 'start' | 'tick'): Promise<DigestReport | undefined> {
    try {
      return await this.runner.runDue();
    } catch (error) {
      // The store was unreachable, say: the next tick tries again.
      this.logger.error({ err: error, why }, 'digest run failed; the next tick tries again');
      return undefined;
    }
  }
}
