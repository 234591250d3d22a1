import { App, LogLevel, type CodedError } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { PLAYGROUND } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { PlaygroundReceiver } from '../../src/playground/receiver.js';
import { appMention, blockActions, slashCommand } from '../../src/slack-stand-in/payloads.js';
import type { Channel } from '../../src/slack-stand-in/types.js';

/** The receiver on a bare Bolt app: what reaches the listeners, and what their acks become. */

const W = PLAYGROUND.workspace;
const team = { teamId: W.teamId, domain: W.domain, appId: W.appId, botUserId: W.bot.userId, botId: W.bot.botId };
const papers: Channel = { id: W.channels[0].id, name: W.channels[0].name, kind: 'channel' };
const me = { user: W.me.id, userName: W.me.name };
const command = (text = 'long context') =>
  slashCommand({ team, command: '/paper', text, channel: papers.id, channelName: papers.name, ...me, responseUrl: 'http://playground.local/response/r' })
    .decoded;
const mention = () => appMention({ team, channel: papers.id, ts: '1700000000.000100', user: W.me.id, text: `<@${W.bot.userId}> hi` }).decoded;
const click = (actionId: string) =>
  blockActions({
    team,
    ...me,
    element: { type: 'button', action_id: actionId, value: 'v', text: { type: 'plain_text', text: 'B' } },
    blockId: 'b',
    where: {
      type: 'message',
      channel: papers.id,
      channelName: papers.name,
      message: { ts: '1700000000.000200', bot: true, text: 'x', ephemeral: true },
      responseUrl: 'http://playground.local/response/r',
    },
    actionTs: '1700000000.000300',
  }).decoded;

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

let logs: Record<string, any>[] = [];
let apps: App[] = [];
afterEach(async () => {
  await Promise.all(apps.map((a) => a.stop()));
  apps = [];
  logs = [];
});

function boltApp(ackTimeoutMs = 1_000) {
  const logger = createLogger({ level: 'debug', destination: { write: (line: string) => void logs.push(JSON.parse(line)) } });
  const receiver = new PlaygroundReceiver({ ackTimeoutMs, logger });
  const app = new App({ token: 'xoxb-test', botId: W.bot.botId, botUserId: W.bot.userId, receiver, logLevel: LogLevel.ERROR });
  const errors: CodedError[] = [];
  app.error(async (error) => void errors.push(error));
  apps.push(app);
  return { app, receiver, errors };
}

describe('PlaygroundReceiver', () => {
  it('delivers nothing before the app starts', () => {
    const { receiver } = boltApp();
    expect(() => receiver.deliver(command())).toThrow(/not started/);
  });

  it("captures a command's ack body, and `done` waits for the listener's work after the ack", async () => {
    const { app, receiver } = boltApp();
    const later = deferred();
    let finished = false;
    app.command('/paper', async ({ command: c, ack }) => {
      await ack({ response_type: 'ephemeral', text: `results for ${c.text}` });
      await later.promise;
      finished = true;
    });
    await app.start();
    const delivery = receiver.deliver(command('long context'));
    expect(await delivery.ack).toEqual({ acked: true, body: { response_type: 'ephemeral', text: 'results for long context' } });
    expect(finished).toBe(false);
    later.resolve();
    await delivery.done;
    expect(finished).toBe(true);
  });

  it('events are acked by Bolt before the listener runs, with an empty body', async () => {
    const { app, receiver } = boltApp();
    const gate = deferred();
    const seen: string[] = [];
    app.event('app_mention', async ({ event }) => {
      await gate.promise;
      seen.push(event.text);
    });
    await app.start();
    const delivery = receiver.deliver(mention());
    expect(await delivery.ack).toEqual({ acked: true, body: undefined });
    expect(seen).toEqual([]);
    gate.resolve();
    await delivery.done;
    expect(seen).toEqual([`<@${W.bot.userId}> hi`]);
  });

  it("passes Slack's retry headers and custom properties into the listener's context", async () => {
    const { app, receiver } = boltApp();
    let context: Record<string, unknown> = {};
    app.event('app_mention', async (args) => void (context = args.context));
    await app.start();
    await receiver.deliver(mention(), { retryNum: 1, retryReason: 'http_timeout', customProperties: { source: 'playground' } }).done;
    expect(context).toMatchObject({ retryNum: 1, retryReason: 'http_timeout', source: 'playground' });
  });

  it('a click nobody listens for is not acknowledged, and says so once Bolt is done', async () => {
    const { app, receiver } = boltApp(60_000);
    app.action('paper_share', async ({ ack }) => ack());
    await app.start();
    const handled = receiver.deliver(click('paper_share'));
    expect(await handled.ack).toEqual({ acked: true, body: undefined });
    const unhandled = receiver.deliver(click('nobody_listens'));
    expect(await unhandled.ack).toEqual({ acked: false });
  });

  it("an ack after Slack's deadline counts as none, and the log says it came too late", async () => {
    const { app, receiver } = boltApp(50);
    const deadlinePassed = deferred();
    app.action('slow', async ({ ack }) => {
      await deadlinePassed.promise;
      await ack();
    });
    await app.start();
    const delivery = receiver.deliver(click('slow'));
    expect(await delivery.ack).toEqual({ acked: false });
    deadlinePassed.resolve();
    await delivery.done;
    expect(logs.map((l) => l.msg)).toContain('acknowledged too late: Slack would already have shown an error');
  });

  it('logs each delivery before the app sees it (what a test waits on)', async () => {
    const { app, receiver } = boltApp();
    await app.start();
    const delivery = receiver.deliver(mention());
    expect(logs).toContainEqual(expect.objectContaining({ msg: 'delivering to the app', type: 'event_callback', event: 'app_mention' }));
    await delivery.done;
  });

  it('a second ack is an error, as it is with the HTTP receiver', async () => {
    const { app, receiver, errors } = boltApp();
    app.action('twice', async ({ ack }) => {
      await ack();
      await ack();
    });
    await app.start();
    await receiver.deliver(click('twice')).done;
    expect(errors.map((e) => e.code)).toEqual(['slack_bolt_receiver_ack_multiple_error']);
  });
});
