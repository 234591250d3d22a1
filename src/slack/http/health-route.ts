import type { CustomRoute } from '@slack/bolt';
import { SLACK_APP } from '../../config.js';
import type { Deps } from '../deps.js';

/** `GET /healthz`: the process is up and has its corpus. */
export function healthRoute(deps: Deps): CustomRoute {
  return {
    path: SLACK_APP.healthPath,
    method: 'GET',
    handler: (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'ok', papers: deps.search.size }));
    },
  };
}

/**
 * `GET /readyz`: the process can serve: its index is loaded and its store answers (within
 * SLACK_APP.readyTimeoutMs). For load balancers: 503 takes the instance out of rotation, while
 * `/healthz` says only that the process is alive.
 */
export function readyRoute(deps: Deps): CustomRoute {
  return {
    path: SLACK_APP.readyPath,
    method: 'GET',
    handler: async (_req, res) => {
      let problem: string | undefined;
      try {
        if (deps.search.size === 0) problem = 'no papers indexed';
        else await withTimeout(deps.ready?.() ?? Promise.resolve(), SLACK_APP.readyTimeoutMs);
      } catch (error) {
        problem = `store unreachable: ${(error as Error).message}`;
      }
      res.writeHead(problem ? 503 : 200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(problem ? { status: 'unavailable', problem } : { status: 'ready', papers: deps.search.size }));
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
