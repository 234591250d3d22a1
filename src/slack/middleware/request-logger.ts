import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import type { PaperbotContext } from '../deps.js';
import { requestContext } from './request-context.js';

// biome-ignore lint/suspicious/noExplicitAny: any payload at all may arrive; every field read here is checked by `loggable`.
type Body = Record<string, any>;

/** The fields that identify one request from Slack in the logs: which command, event or action, by whom, where. */
export function describeRequest(body: Body): Record<string, string | number | undefined> {
  if (typeof body.command === 'string') {
    return { command: body.command, user: body.user_id, channel: body.channel_id, triggerId: body.trigger_id };
  }
  if (body.type === 'event_callback') {
    return { event: body.event?.type, eventId: body.event_id, user: body.event?.user, channel: body.event?.channel };
  }
  if (body.type === 'block_actions') {
    return { action: body.actions?.[0]?.action_id, user: body.user?.id, channel: body.channel?.id, triggerId: body.trigger_id };
  }
  if (body.type === 'message_action' || body.type === 'shortcut') {
    return { shortcut: body.callback_id, user: body.user?.id, channel: body.channel?.id, triggerId: body.trigger_id };
  }
  return { type: body.type };
}

// Only plain strings and numbers reach the log line: a hostile payload can put anything in these fields.
const loggable = (value: unknown): value is string | number => (typeof value === 'string' && value.length <= 255) || typeof value === 'number';

/**
 * Global middleware: gives every request a child logger (`context.log`) that carries what the
 * request is, so every line a listener logs can be traced to it, and runs the rest of the chain
 * in that request's context (see request-context.ts). Slack's retries of an event show as `retryNum`.
 */
export function requestLogger(base: Logger): Middleware<AnyMiddlewareArgs, PaperbotContext> {
  return async ({ body, context, next }) => {
    const fields = describeRequest(body as Body);
    if (context.retryNum !== undefined) Object.assign(fields, { retryNum: context.retryNum, retryReason: context.retryReason });
    const log = base.child(Object.fromEntries(Object.entries(fields).filter(([, v]) => loggable(v))));
    context.log = log;
    log.debug('request');
    await requestContext.run({ log }, next);
  };
}
