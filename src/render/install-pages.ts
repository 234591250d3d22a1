/**
 * The three web pages of an install (OAuth mode): the page at `/slack/install` with the "Add to
 * Slack" link, and the pages Slack's redirect ends on, installed or not. Plain HTML, no script,
 * nothing fetched from elsewhere; each says what Paperbot is. Every value put in is escaped.
 */

/** What Paperbot is, in a sentence: the top of every page. */
export const PAPERBOT_PITCH =
  'Paperbot finds research papers for your team in Slack: /paper searches them, Share posts a summary card with its abstract to a channel, ' +
  'and watches post a digest of new papers on a topic.';

/** Escapes text for HTML, in element content and in quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1d1d1d}a.button{display:inline-block;padding:.6rem 1.2rem;background:#1d3557;color:#fff;border-radius:4px;text-decoration:none}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(PAPERBOT_PITCH)}</p>
${body}
</body>
</html>
`;
}

/** `GET /slack/install`: what installing does, and the link to Slack's page that asks for it. */
export function installPage(authorizeUrl: string): string {
  return page(
    'Add Paperbot to Slack',
    `<p>Slack will show you what Paperbot may do in your workspace and ask you to allow it.</p>
<p><a class="button" href="${escapeHtml(authorizeUrl)}">Add to Slack</a></p>`,
  );
}

/** Slack sent the browser back and the install is stored. */
export function installedPage(o: { teamId?: string | undefined; teamName?: string | undefined; appId?: string | undefined }): string {
  const where = o.teamName ? `to ${o.teamName}` : 'to your workspace';
  const open =
    o.teamId && o.appId
      ? `<p><a class="button" href="${escapeHtml(`slack://app?team=${encodeURIComponent(o.teamId)}&id=${encodeURIComponent(o.appId)}`)}">Open Paperbot in Slack</a>
or <a href="${escapeHtml(`https://app.slack.com/client/${encodeURIComponent(o.teamId)}`)}">in your browser</a>.</p>`
      : '';
  return page(
    'Paperbot is installed',
    `<p>Paperbot was added ${escapeHtml(where)}. Try <code>/paper help</code> in any channel, or open Paperbot's Home tab.</p>
${open}`,
  );
}

/** The install did not happen: cancelled, a stale or forged link, or Slack refused the code. */
export function installFailedPage(o: { reason: string; installPath: string }): string {
  return page(
    'Paperbot was not installed',
    `<p>The installation did not complete (${escapeHtml(o.reason)}). Nothing was stored.</p>
<p><a class="button" href="${escapeHtml(o.installPath)}">Start again</a></p>`,
  );
}
