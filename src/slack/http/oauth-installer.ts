import type { ServerResponse } from 'node:http';
import type { HTTPReceiverOptions, InstallationStore, webApi } from '@slack/bolt';
import { SLACK_OAUTH } from '../../config.js';
import type { OAuthConfig } from '../../env-config.js';
import { installedPage, installFailedPage, installPage } from '../../render/install-pages.js';

/** What Bolt's HTTPReceiver needs to run the installer (OAuth v2) at its install and redirect paths. */
export type InstallerSettings = Required<
  Pick<HTTPReceiverOptions, 'clientId' | 'clientSecret' | 'stateSecret' | 'scopes' | 'installationStore' | 'installerOptions'>
>;

/** The pages are plain HTML: no script, nothing loaded from elsewhere, never framed or cached (the state cookie rides on them). */
const PAGE_HEADERS = {
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
} as const;

function sendPage(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { ...PAGE_HEADERS, 'content-type': 'text/html; charset=utf-8' });
  res.end(html);
}

/** Why an install failed, in words for the person installing, and the HTTP status (the installer's own error codes). */
function failureOf(error: { code?: string; data?: { error?: unknown } }): { status: number; reason: string } {
  switch (error.code) {
    case 'slack_oauth_invalid_state':
    case 'slack_oauth_missing_state':
      return { status: 400, reason: 'the install link is too old, or was not started in this browser' };
    case 'slack_oauth_missing_code':
      return { status: 400, reason: 'Slack sent no authorization code' };
    case 'slack_oauth_installer_authorization_error':
      return { status: 400, reason: 'the installation was cancelled' };
    default: {
      const slack = error.data?.error;
      return { status: 502, reason: typeof slack === 'string' ? `Slack answered ${slack}` : 'an unexpected error' };
    }
  }
}

/**
 * Bolt's installer for OAuth mode: `GET /slack/install` shows a page saying what Paperbot is, with
 * the "Add to Slack" link (Slack's authorize URL with our client id, the manifest's bot scopes
 * and a signed state, also set as a cookie); `GET /slack/oauth_redirect` checks the state
 * against the cookie, exchanges the code (`oauth.v2.access`, through `clientOptions`, so
 * SLACK_API_URL holds), stores the installation in `installationStore`, and ends on our own
 * success or failure page.
 */
export function installerSettings(
  config: OAuthConfig,
  installationStore: InstallationStore,
  clientOptions: Omit<webApi.WebClientOptions, 'logger' | 'logLevel'>,
): InstallerSettings {
  return {
    clientId: config.oauth.clientId,
    clientSecret: config.oauth.clientSecret,
    stateSecret: config.oauth.stateSecret,
    scopes: [...SLACK_OAUTH.botScopes],
    installationStore,
    installerOptions: {
      installPath: SLACK_OAUTH.installPath,
      redirectUriPath: SLACK_OAUTH.redirectPath,
      directInstall: false,
      stateCookieExpirationSeconds: SLACK_OAUTH.stateTtlSec,
      clientOptions,
      renderHtmlForInstallPath: installPage,
      installPathOptions: {
        // The installer writes the page itself; the headers go on first.
        beforeRedirection: async (_req, res) => {
          for (const [name, value] of Object.entries(PAGE_HEADERS)) res.setHeader(name, value);
          return true;
        },
      },
      callbackOptions: {
        success: (installation, _options, _req, res) =>
          sendPage(
            res,
            200,
            installedPage({ teamId: installation.team?.id, teamName: installation.team?.name ?? installation.enterprise?.name, appId: installation.appId }),
          ),
        failure: (error, _options, _req, res) => {
          const { status, reason } = failureOf(error);
          sendPage(res, status, installFailedPage({ reason, installPath: SLACK_OAUTH.installPath }));
        },
      },
    },
  };
}
