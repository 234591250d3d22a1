import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Slack's side for the bench: the Web API under `/api/` and response_urls under `/response/`,
 * answering at once and counting. Only what the load needs; the tests' fake checks far more.
 */
export class BenchSlack {
  readonly counts = { api: 0, responses: 0 };
  private server: Server | undefined;
  private ts = 0;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        if (req.url?.startsWith('/response/')) {
          this.counts.responses += 1;
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.end('ok');
          return;
        }
        this.counts.api += 1;
        const ts = `1700000001.${String(++this.ts).padStart(6, '0')}`;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: true, channel: 'C0BENCH', ts }));
      });
    });
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
