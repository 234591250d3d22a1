import { Agent, request } from 'node:http';
import type { SignedRequest } from './slack-requests.js';

export interface DriveResult {
  /** Ack latency of each request, ms, in the order they finished. */
  latencies: number[];
  kinds: SignedRequest['kind'][];
  errors: number;
  /** A few of the errors, to say what went wrong. */
  errorSamples: string[];
  seconds: number;
}

export interface DriveOptions {
  port: number;
  concurrency: number;
  /** Stop after this many requests… */
  total?: number;
  /** …or at this time (performance.now()), whichever comes first. */
  until?: number;
  next: () => SignedRequest;
}

/** One request; resolves with its status and body (or rejects on a network error). */
function post(agent: Agent, port: number, req: SignedRequest): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const r = request({ host: '127.0.0.1', port, path: '/slack/events', method: 'POST', headers: req.headers, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    });
    r.on('error', reject);
    r.end(req.body);
  });
}

/**
 * Keeps `concurrency` requests in flight over kept-alive connections until `total` are done or
 * time is up. An error is anything but a 200 (with a body, for a command: its answer).
 */
export async function drive({ port, concurrency, total = Infinity, until = Infinity, next }: DriveOptions): Promise<DriveResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const result: DriveResult = { latencies: [], kinds: [], errors: 0, errorSamples: [], seconds: 0 };
  let issued = 0;
  const started = performance.now();
  const worker = async () => {
    while (issued < total && performance.now() < until) {
      issued += 1;
      const req = next();
      const t0 = performance.now();
      try {
        const { status, body } = await post(agent, port, req);
        if (status !== 200 || (req.kind === 'command' && body.length === 0)) throw new Error(`status ${status} ${body.slice(0, 60)}`);
      } catch (error) {
        result.errors += 1;
        if (result.errorSamples.length < 5) result.errorSamples.push(`${req.kind}: ${(error as Error).message}`);
      }
      result.latencies.push(performance.now() - t0);
      result.kinds.push(req.kind);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  result.seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return result;
}
