import type { Logger } from '../logger.js';
import type { Params, WebApiModel } from './web-api-model.js';

/**
 * Slack's HTTP side, shared by both transports (http-server.ts on a port, in-process-fetch.ts
 * with no network): the Web API at `<origin>/api/<method>` and response_urls at
 * `<origin>/response/<id>`, read into a call and answered from the model.
 */

export const API_PATH = '/api/';
export const RESPONSE_PATH = '/response/';

/** One call an app made: a Web API method, or a post to a `response_url`. */
export interface SlackCall {
  kind: 'api' | 'response_url';
  /** `chat.postMessage`, … for the Web API; the response_url's id otherwise. */
  method: string;
  /** Form fields (Web API, with `blocks`/`view`/… JSON-decoded) or the JSON body (response_url). */
  params: Params;
  authorization: string | undefined;
}

/** How Slack answers: JSON for the Web API (200 even for `ok: false`), plain text for a response_url. */
export interface SlackAnswer {
  status: number;
  body: string | Record<string, unknown>;
  headers?: Record<string, string>;
}

/** Answers a call, or `'drop'`s the connection without an answer. */
export type CallHandler = (call: SlackCall) => SlackAnswer | 'drop' | Promise<SlackAnswer | 'drop'>;

/** Fields the Web API client sends as JSON strings inside its form body. */
const JSON_FIELDS = ['blocks', 'view', 'attachments', 'metadata', 'unfurls'];

export const slackUrls = (origin: string) => ({
  apiUrl: `${origin}${API_PATH}`,
  responseUrl: (id: string) => `${origin}${RESPONSE_PATH}${id}`,
});

/** The call a request is, or undefined for a path Slack does not serve. */
export function readSlackCall(path: string, contentType: string, authorization: string | undefined, raw: string): SlackCall | undefined {
  if (path.startsWith(RESPONSE_PATH)) return { kind: 'response_url', method: path.slice(RESPONSE_PATH.length), params: parseJson(raw), authorization };
  if (path.startsWith(API_PATH)) return { kind: 'api', method: path.slice(API_PATH.length), params: parseParams(raw, contentType), authorization };
  return undefined;
}

/** The model's answer to a call; refusals go to `log` when there is one. */
export function answerCall(model: WebApiModel, call: SlackCall, log?: Logger): SlackAnswer {
  if (call.kind === 'response_url') {
    const result = model.respond(call.method, call.params);
    if (!result.ok) log?.warn({ error: result.error }, 'response_url post refused');
    return result.ok ? { status: 200, body: 'ok' } : { status: result.status, body: result.error };
  }
  const token = call.authorization?.replace(/^Bearer\s+/i, '') ?? (typeof call.params['token'] === 'string' ? call.params['token'] : undefined);
  const result = model.call(call.method, call.params, token);
  if (result['error'] === 'unknown_method') log?.warn({ method: call.method, known: model.names }, 'the Slack stand-in does not have this Web API method');
  else if (!result.ok) log?.debug({ method: call.method, error: result['error'] }, 'Web API call refused');
  return { status: 200, body: result };
}

function parseJson(body: string): Params {
  try {
    const value: unknown = JSON.parse(body || '{}');
    return typeof value === 'object' && value !== null ? (value as Params) : {};
  } catch {
    return {};
  }
}

/** Form fields (the client's default) or a JSON body, with the JSON-string fields decoded. */
function parseParams(body: string, contentType: string): Params {
  const params: Params = contentType.includes('application/json') ? parseJson(body) : Object.fromEntries(new URLSearchParams(body));
  for (const field of JSON_FIELDS) {
    const value = params[field];
    if (typeof value !== 'string') continue;
    try {
      params[field] = JSON.parse(value);
    } catch {
      // Left as the string: the method answers invalid_blocks_format or invalid_arguments.
    }
  }
  return params;
}
