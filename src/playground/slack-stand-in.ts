import type { Logger } from '../logger.js';
import { ResponseUrls } from './responses.js';
import { WebApiMethods, type Params } from './web-api.js';
import type { Workspace } from './workspace.js';

/** Fields the Web API client sends as JSON strings inside its form body. */
const JSON_FIELDS = ['blocks', 'view', 'attachments', 'metadata'];

export interface SlackStandIn {
  /** A `fetch` for the app's Web API client and for Bolt's `respond()`: answers in-process, never touches the network. */
  fetch: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
  /** The `slackApiUrl` to give the client. */
  apiUrl: string;
  responses: ResponseUrls;
}

/**
 * Slack's side of every call the app makes: the Web API at `<origin>/api/<method>` and the
 * response_urls at `<origin>/response/<id>`, both served from the workspace model through a
 * `fetch` function, so no port is opened for them.
 *
 * @example
 * const slack = createSlackStandIn({ workspace, token, origin: 'http://playground.local', logger });
 * createApp({ …, clientOptions: { fetch: slack.fetch } }); // with config.slackApiUrl = slack.apiUrl
 */
export function createSlackStandIn(options: { workspace: Workspace; token: string; origin: string; logger: Logger }): SlackStandIn {
  const { workspace, token, origin, logger } = options;
  const apiUrl = `${origin}/api/`;
  const responses = new ResponseUrls(workspace, `${origin}/response/`);
  const methods = new WebApiMethods(workspace);
  const log = logger.child({ lib: 'playground' });

  const fetchFn = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (url.origin !== origin) {
      // What fetch does when a host cannot be reached: the caller's own error handling takes it from there.
      throw new TypeError(`fetch failed: the playground has no network (${url.origin})`);
    }
    const body = await request.text();

    const responseId = responses.idOf(request.url);
    if (responseId !== undefined) {
      const result = responses.post(responseId, parseJson(body));
      if (!result.ok) log.warn({ error: result.error }, 'response_url post refused');
      return new Response(result.ok ? 'ok' : result.error, { status: result.ok ? 200 : result.status, headers: { 'content-type': 'text/plain' } });
    }

    if (url.pathname.startsWith('/api/')) {
      const method = url.pathname.slice('/api/'.length);
      const params = parseParams(body, request.headers.get('content-type') ?? '');
      const given = request.headers.get('authorization')?.replace(/^Bearer\s+/i, '') ?? (typeof params['token'] === 'string' ? params['token'] : undefined);
      const result = !given ? { ok: false, error: 'not_authed' } : given !== token ? { ok: false, error: 'invalid_auth' } : methods.call(method, params);
      if (result.error === 'unknown_method') log.warn({ method, known: methods.names }, 'the playground does not have this Web API method');
      else if (!result.ok) log.debug({ method, error: result.error }, 'Web API call refused');
      // Slack answers 200 even for errors; `ok: false` is the signal.
      return Response.json(result);
    }
    return new Response('not found', { status: 404 });
  };

  return { fetch: fetchFn, apiUrl, responses };
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
