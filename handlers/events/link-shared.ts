import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { SLACK_UNFURLS } from '../../src/config.js';
import { paperLinkId } from '../../src/corpus/arxiv.js';
import type { Paper } from '../../src/corpus/paper.js';
import { type Unfurl, unfurlFor } from '../../src/render/unfurl.js';
import type { Deps, PaperbotContext } from '../../src/slack/deps.js';
import { type LinkShared, LinkSharedInput, readInput } from '../shared/inputs.js';
import { workspaceOf } from '../shared/workspace.js';

type Target = { channel: string; ts: string } | { unfurl_id: string; source: string };

/** Where `chat.unfurl` attaches the previews: the composer by its unfurl id, a posted message by channel and ts. */
function targetOf(e: LinkShared): Target | undefined {
  const channel = e.channel ?? e.channel_id;
  if (e.source === 'composer') return e.unfurl_id ? { unfurl_id: e.unfurl_id, source: 'composer' } : undefined;
  if (channel && e.message_ts && /^\d{1,12}\.\d{1,9}$/.test(e.message_ts)) return { channel, ts: e.message_ts };
  return e.unfurl_id && e.source ? { unfurl_id: e.unfurl_id, source: e.source } : undefined;
}

/**
 * `link_shared`: arXiv and Hugging Face paper links in a message (or still in the composer) get a
 * compact card each, in one `chat.unfurl` call. A paper not stored is looked up as `/paper <id>`
 * does; one that cannot be had (no such paper, arXiv down, lookups off) keeps Slack's own
 * preview, and the reason is logged. Other links, and those past SLACK_UNFURLS.maxLinks, are left alone.
 */
export const linkShared =
  (deps: Deps) =>
  async ({ event, client, context }: AllMiddlewareArgs<PaperbotContext> & SlackEventMiddlewareArgs): Promise<void> => {
    const { log } = context;
    const input = readInput(LinkSharedInput, event, log, 'link_shared');
    if (!input) return;
    const target = targetOf(input);
    if (!target) return log.warn('link_shared: neither a message nor a composer to unfurl in');
    const links = [...new Map(input.links.map((url) => [url, paperLinkId(url)] as const)).entries()].filter(
      (link): link is [string, string] => link[1] !== null,
    );
    if (links.length > SLACK_UNFURLS.maxLinks)
      log.info({ links: links.length, kept: SLACK_UNFURLS.maxLinks }, 'link_shared: too many paper links; the rest left alone');
    const kept = links.slice(0, SLACK_UNFURLS.maxLinks);
    if (kept.length === 0) return log.debug({ links: input.links.length }, 'link_shared: no paper links');

    const papers = new Map<string, Paper | undefined>();
    await Promise.all([...new Set(kept.map(([, id]) => id))].map(async (id) => papers.set(id, await paperFor(id, deps, log))));
    const ws = workspaceOf(context);
    const found = [...papers.values()].filter((p): p is Paper => p !== undefined);
    const memory =
      ws && found.length > 0
        ? await deps.memory.sharesOf(
            ws,
            found.map((p) => p.id),
          )
        : new Map();
    const unfurls: Record<string, Unfurl> = {};
    for (const [url, id] of kept) {
      const paper = papers.get(id);
      if (paper) unfurls[url] = unfurlFor(paper, memory.get(paper.id));
    }
    if (Object.keys(unfurls).length === 0) return log.info({ links: kept.length }, 'link_shared: no paper to show; links left alone');
    try {
      await client.chat.unfurl({ ...target, unfurls } as Parameters<typeof client.chat.unfurl>[0]);
    } catch (error) {
      // A preview nobody asked for: if Slack refuses it, the link simply keeps Slack's own, and
      // the person who pasted it is not told of a failure they never asked about.
      log.warn({ err: error }, 'link_shared: chat.unfurl failed; links left alone');
      return;
    }
    log.info({ unfurled: Object.keys(unfurls).length, composer: 'unfurl_id' in target }, 'unfurled paper links');
  };

/** The stored paper, or one looked up now; undefined (logged with why) when there is none to show. */
async function paperFor(arxivId: string, deps: Deps, log: PaperbotContext['log']): Promise<Paper | undefined> {
  const stored = deps.search.get(arxivId);
  if (stored) return stored;
  if (!deps.lookup) {
    log.info({ arxivId }, 'link_shared: paper not stored and lookups are off; link left alone');
    return undefined;
  }
  const outcome = await deps.lookup(arxivId);
  if (outcome.kind === 'found') return outcome.paper;
  const reason = outcome.kind === 'unavailable' ? outcome.reason : 'arXiv has no such paper';
  log.warn({ arxivId, outcome: outcome.kind, reason }, 'link_shared: paper could not be looked up; link left alone');
  return undefined;
}
