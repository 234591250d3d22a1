import type { Logger } from '../logger.js';
import type { ResponseTarget } from './response-urls.js';
import { answerCall, readSlackCall, slackUrls, type SlackAnswer } from './routes.js';
import type { WebApiModel } from './web-api-model.js';

export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface InProcessSlack {
  /** A `fetch` for the app's Web API client and for Bolt's `respond()`: answers in-process, never touches the network. */
  fetch: Fetch;
  /** The `slackApiUrl` to give the client. */
  apiUrl: string;
  model: WebApiModel;
  /** A new response_url, as Slack hands one out with a command or a click. */
  responseUrl(target: ResponseTarget): string;
}

/**
 * The model behind a `fetch` function, at a made-up origin: no port is opened, and a request
 * to any other origin fails as an unreachable host would.
 *
 * @example
 * const slack = inProcessSlack({ model, origin: 'http://playground.local', logger });
 * createApp({ …, clientOptions: { fetch: slack.fetch } }); // with config.slackApiUrl = slack.apiUrl
 */
export function inProcessSlack(options: { model: WebApiModel; origin: string; logger?: Logger }): InProcessSlack {
  const { model, origin } = options;
  const urls = slackUrls(origin);
  const log = options.logger?.child({ lib: 'slack-stand-in' });

  const fetchFn: Fetch = async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (url.origin !== origin) {
      // What fetch does when a host cannot be reached: the caller's own error handling takes it from there.
      throw new TypeError(`fetch failed: the Slack stand-in has no network (${url.origin})`);
    }
    const call = readSlackCall(
      url.pathname,
      request.headers.get('content-type') ?? '',
      request.headers.get('authorization') ?? undefined,
      await request.text(),
    );
    return toResponse(call ? answerCall(model, call, log) : { status: 404, body: 'not found' });
  };

  return { fetch: fetchFn, apiUrl: urls.apiUrl, model, responseUrl: (target) => urls.responseUrl(model.responses.create(target)) };
}

function toResponse({ status, body, headers = {} }: SlackAnswer): Response {
  if (typeof body !== 'string') return Response.json(body, { status, headers });
  return new Response(body, { status, headers: { 'content-type': 'text/plain', ...headers } });
}
