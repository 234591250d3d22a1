import { HTTPModuleFunctions, type BufferedIncomingMessage } from '@slack/bolt';
import { z } from 'zod';
import { SLACK_INPUT } from '../../config.js';

/**
 * The outer shape of each kind of request Slack sends us, checked before Bolt sees it. NOTE:
 * Bolt trusts the body's shape: a signed `null`, an event that is a string or an action with no
 * user makes it answer 500, hang until a 3 s timeout, or throw where nothing catches it. Here
 * such a body is a 400. Only the fields Bolt itself reads are checked; what each handler reads
 * is checked by the handler (inputs.ts).
 */

const id = z.string().min(1).max(SLACK_INPUT.maxIdChars);
const record = z.looseObject({});
const idOrRecord = z.union([id, record]);
const httpUrl = z.url({ protocol: /^https?$/ });
// Bolt reads these to find the workspace; wrong types here crash it.
const teamFields = {
  team_id: id.nullish(),
  enterprise_id: id.nullish(),
  team: z.looseObject({ id: id.nullish() }).nullish(),
  enterprise: z.looseObject({ id: id.nullish() }).nullish(),
  authorizations: z.array(z.looseObject({ team_id: id.nullish(), enterprise_id: id.nullish() })).nullish(),
};
const user = z.looseObject({ id, team_id: id.nullish() });
// NOTE: Bolt decides what a body is by which of these keys it has, in this order (event,
// command, name, actions); a body must not carry the key of a kind Bolt would try first.
const absent = z.never().optional();

const KINDS = {
  ssl_check: z.looseObject({ ssl_check: z.literal('1') }),
  url_verification: z.looseObject({ type: z.literal('url_verification'), challenge: z.string().min(1).max(1000) }),
  event: z.looseObject({
    ...teamFields,
    type: z.literal('event_callback'),
    event_id: id,
    // Where Bolt looks for the conversation and the user: a string or an object, never null.
    event: z.looseObject({
      type: z.string().min(1).max(100),
      user: idOrRecord.optional(),
      channel: idOrRecord.optional(),
      item: record.optional(),
      subteam: record.optional(),
    }),
  }),
  command: z.looseObject({
    ...teamFields,
    event: absent,
    command: z.string().regex(/^\/[^\s/]{1,31}$/),
    user_id: id,
    channel_id: id,
    text: z.string().optional(),
    response_url: httpUrl,
  }),
  block_actions: z.looseObject({
    ...teamFields,
    event: absent,
    command: absent,
    name: absent,
    type: z.literal('block_actions'),
    user,
    actions: z
      .array(z.looseObject({ action_id: id, block_id: z.string().nullish(), type: z.string().nullish() }))
      .min(1)
      .max(25),
    channel: record.optional(),
    response_url: httpUrl.optional(),
  }),
  message_action: z.looseObject({
    ...teamFields,
    event: absent,
    command: absent,
    name: absent,
    actions: absent,
    type: z.literal('message_action'),
    callback_id: id,
    user,
    channel: z.looseObject({ id }),
    message: record,
    response_url: httpUrl,
  }),
  shortcut: z.looseObject({ ...teamFields, event: absent, command: absent, name: absent, actions: absent, type: z.literal('shortcut'), callback_id: id, user }),
  app_rate_limited: z.looseObject({ type: z.literal('app_rate_limited') }),
} as const;

export type RequestKind = keyof typeof KINDS;

export type ParsedRequest = { ok: true; kind: RequestKind; body: Record<string, unknown> } | { ok: false; reason: string };

/**
 * Reads a request body with Bolt's own parser (form fields, a form `payload` of JSON, or JSON),
 * so what is checked is exactly what Bolt will see, and says which kind of Slack request it is,
 * or why it is none.
 */
export function parseSlackRequest(req: BufferedIncomingMessage): ParsedRequest {
  let body: unknown;
  try {
    body = HTTPModuleFunctions.parseHTTPRequestBody(req);
  } catch (error) {
    return { ok: false, reason: `not JSON or form data (${(error as Error).message.slice(0, 80)})` };
  }
  const kind = kindOf(body);
  if (!kind) return { ok: false, reason: `not a request Paperbot takes (type ${describeType(body)})` };
  const checked = KINDS[kind].safeParse(body);
  if (!checked.success)
    return {
      ok: false,
      reason: `${kind} not as Slack sends it (${checked.error.issues
        .slice(0, 3)
        .map((i) => i.path.join('.') || '(body)')
        .join(', ')})`,
    };
  return { ok: true, kind, body: body as Record<string, unknown> };
}

const TYPES: Record<string, RequestKind> = {
  url_verification: 'url_verification',
  event_callback: 'event',
  block_actions: 'block_actions',
  message_action: 'message_action',
  shortcut: 'shortcut',
  app_rate_limited: 'app_rate_limited',
};

// Picks the one schema to check by the body's own discriminator: checking every schema in turn
// costs a failed parse (and its error objects) per kind, on every request.
function kindOf(body: unknown): RequestKind | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const { type, command, ssl_check: sslCheck } = body as Record<string, unknown>;
  if (typeof type === 'string') return Object.hasOwn(TYPES, type) ? TYPES[type] : undefined;
  if (sslCheck !== undefined) return 'ssl_check';
  if (command !== undefined) return 'command';
  return undefined;
}

const describeType = (body: unknown): string => {
  const type = (body as { type?: unknown } | null)?.type;
  return typeof type === 'string' ? type.slice(0, 40) : typeof type;
};
