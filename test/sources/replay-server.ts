import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHARED_DIR } from '../helpers/shared-dir.js';

/** The recorded answers in ../shared/sources, byte for byte. */
export const recording = (name: string): string => readFileSync(join(SHARED_DIR, 'sources', name), 'utf8');

/** Our edited copies in test/sources/fixtures (see its README). */
export const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`fixtures/${name}`, import.meta.url)), 'utf8');

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Never answer (the test's timeout fires first); the connection is cut at close. */
  hang?: boolean;
  /** Send the headers and part of the body, then never finish. */
  stallBody?: boolean;
  /** Send the headers and part of the body, then cut the connection. */
  dropMidBody?: boolean;
}

export interface SeenRequest {
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** performance.now() when the request arrived, and just before its answer was ended. */
  arrivedAt: number;
  endedAt: number | null;
  /** Which connection carried it (1, 2, … in connection order). */
  socket: number;
}

export interface ReplayServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  seen: SeenRequest[];
  /** Connections opened in all, and the most open at once. */
  connections: number;
  maxOpenConnections: number;
  /** The most requests being answered at once. */
  maxInFlight: number;
  close(): Promise<void>;
}

export type Route = (request: SeenRequest) => Reply;

/** A real HTTP server on 127.0.0.1 (port 0) answering with `route`, recording what it saw. */
export async function startReplayServer(route: Route): Promise<ReplayServer> {
  let open = 0;
  let inFlight = 0;
  const socketIds = new WeakMap<object, number>();
  const state: ReplayServer = {
    origin: '',
    seen: [],
    connections: 0,
    maxOpenConnections: 0,
    maxInFlight: 0,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const seen: SeenRequest = {
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      arrivedAt: performance.now(),
      endedAt: null,
      socket: socketIds.get(req.socket) ?? 0,
    };
    state.seen.push(seen);
    inFlight += 1;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    res.on('close', () => {
      inFlight -= 1;
    });
    answer(route(seen), seen, res);
  });
  server.on('connection', (socket) => {
    state.connections += 1;
    socketIds.set(socket, state.connections);
    open += 1;
    state.maxOpenConnections = Math.max(state.maxOpenConnections, open);
    socket.on('close', () => {
      open -= 1;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}

function answer(reply: Reply, seen: SeenRequest, res: ServerResponse): void {
  if (reply.hang) return;
  const body = reply.body ?? '';
  res.writeHead(reply.status ?? 200, { 'content-length': String(Buffer.byteLength(body)), ...reply.headers });
  if (reply.stallBody || reply.dropMidBody) {
    res.write(body.slice(0, 100));
    if (reply.dropMidBody) res.socket?.destroy();
    return;
  }
  seen.endedAt = performance.now();
  res.end(body);
}

/** A server origin nobody listens on: started, then closed. */
export async function closedOrigin(): Promise<string> {
  const server = await startReplayServer(() => ({}));
  await server.close();
  return server.origin;
}

export const ATOM = { 'content-type': 'application/atom+xml; charset=utf-8' };
export const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };
