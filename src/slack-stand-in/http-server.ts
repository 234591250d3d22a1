import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerCall, readSlackCall, slackUrls, type CallHandler, type SlackAnswer } from './routes.js';
import type { WebApiModel } from './web-api-model.js';

export interface SlackHttpServerOptions {
  /** How long an idle kept-alive connection stays open (Node's default is 5 s). */
  keepAliveTimeout?: number;
}

/**
 * Slack's Web API and response_urls on a local port (127.0.0.1), for an app in another process or
 * behind a real HTTP client: point it at `apiUrl` (`SLACK_API_URL`). Each call goes to `handle`;
 * {@link serveModel} answers from the model, the tests' fake records and injects faults first.
 *
 * @example
 * const slack = await serveModel(new WebApiModel(new SlackWorkspace(EXAMPLE_WORKSPACE, { world: 'open' }))).start();
 * readConfig({ SLACK_API_URL: slack.apiUrl, … });
 */
export class SlackHttpServer {
  /** Calls so far, by kind. */
  readonly counts = { api: 0, responses: 0 };
  /** `http://127.0.0.1:<port>`, once started. */
  url = '';
  private server: Server | undefined;

  constructor(
    private readonly handle: CallHandler,
    private readonly options: SlackHttpServerOptions = {},
  ) {}

  get apiUrl(): string {
    return slackUrls(this.url).apiUrl;
  }

  responseUrl(id: string): string {
    return slackUrls(this.url).responseUrl(id);
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.serve(req, res).catch((error: Error) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(error.message);
      });
    });
    if (this.options.keepAliveTimeout !== undefined) this.server.keepAliveTimeout = this.options.keepAliveTimeout;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    const call = readSlackCall(pathname, req.headers['content-type'] ?? '', req.headers.authorization, raw);
    if (!call) return reply(res, { status: 404, body: 'not found' });
    this.counts[call.kind === 'api' ? 'api' : 'responses'] += 1;
    const answer = await this.handle(call);
    if (answer === 'drop') {
      // Cut before any answer: the call was never carried out.
      res.socket?.destroy();
      return;
    }
    reply(res, answer);
  }
}

/** The model on a port, answering every call at once, recording nothing. */
export const serveModel = (model: WebApiModel, options?: SlackHttpServerOptions): SlackHttpServer =>
  new SlackHttpServer((call) => answerCall(model, call), options);

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function reply(res: ServerResponse, { status, body, headers = {} }: SlackAnswer): void {
  const text = typeof body === 'string';
  res.writeHead(status, { 'content-type': text ? 'text/plain' : 'application/json', ...headers });
  res.end(text ? body : JSON.stringify(body));
}
