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
