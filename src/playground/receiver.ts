import { ReceiverMultipleAckError, type AckFn, type App, type Receiver } from '@slack/bolt';
import { PLAYGROUND } from '../config.js';
import type { Logger } from '../logger.js';

/** What became of a request's acknowledgement. */
export type AckOutcome =
  /** Acknowledged in time; `body` is what the listener passed to `ack()` (a command's answer). */
  | { acked: true; body: unknown }
  /** Nothing acknowledged it in time: no listener matched, or it was too slow. */
  | { acked: false };

export interface Delivery {
  /** Settles at the ack, or when Bolt is done without one, or after Slack's deadline. */
  ack: Promise<AckOutcome>;
  /** Settles when every listener has finished (rejects only if Bolt itself throws). */
  done: Promise<void>;
}

export interface DeliverOptions {
  retryNum?: number;
  retryReason?: string;
  customProperties?: Record<string, unknown>;
}

/**
 * A Bolt receiver with no network: the playground hands it request bodies as Slack would send
 * them, and it dispatches them with `app.processEvent`, as the HTTP and Socket Mode receivers do
 * after parsing. Whatever the listener passes to `ack()` is captured, since for a slash command
 * that is the answer the user sees.
 *
 * @example
 * const receiver = new PlaygroundReceiver({ logger });
 * const app = createApp({ config, deps, logger, identity, receiver });
 * await app.start();
 * const { ack } = receiver.deliver(commandBody);
 * const outcome = await ack; // { acked: true, body: { response_type: 'ephemeral', … } }
 */
export class PlaygroundReceiver implements Receiver {
  private app: App | undefined;
  private running = false;
  private readonly ackTimeoutMs: number;
  private readonly logger: Logger | undefined;

  constructor(options: { ackTimeoutMs?: number; logger?: Logger } = {}) {
    this.ackTimeoutMs = options.ackTimeoutMs ?? PLAYGROUND.ackTimeoutMs;
    this.logger = options.logger;
  }

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {
    if (!this.app) throw new Error('PlaygroundReceiver.start: no app (pass the receiver to new App({ receiver }))');
    this.running = true;
  }

  async stop(): Promise<void> {
    this.running = false;
  }

  /** Dispatches one request body to the app, as Slack would deliver it. */
  deliver(body: Record<string, unknown>, options: DeliverOptions = {}): Delivery {
    const app = this.app;
    if (!app || !this.running) throw new Error('PlaygroundReceiver.deliver: the app is not started');
    const event = body['event'] as { type?: unknown } | undefined;
    this.logger?.debug({ type: body['type'] ?? 'command', event: event?.type }, 'delivering to the app');
    let settle!: (outcome: AckOutcome) => void;
    const ack = new Promise<AckOutcome>((resolve) => (settle = resolve));
    let acked = false;
    let late = false;
    const timer = setTimeout(() => {
      late = true;
      settle({ acked: false });
    }, this.ackTimeoutMs);
    timer.unref();

    const ackFn: AckFn<unknown> = async (response) => {
      if (acked) throw new ReceiverMultipleAckError();
      acked = true;
      clearTimeout(timer);
      // NOTE: past the deadline Slack has already told the user it failed; the answer is dropped as it would be there.
      if (late) this.logger?.warn({ afterMs: this.ackTimeoutMs }, 'acknowledged too late: Slack would already have shown an error');
      settle({ acked: true, body: response });
    };

    const done = app.processEvent({ body, ack: ackFn, ...options }).finally(() => {
      clearTimeout(timer);
      if (!acked) settle({ acked: false });
    });
    return { ack, done };
  }
}
