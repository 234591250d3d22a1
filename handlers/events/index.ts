import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Deps, PaperbotContext } from '../../src/slack/deps.js';
import { dispatch, route } from '../shared/dispatch.js';
import { appHomeOpened } from './app-home-opened.js';
import { appMention } from './app-mention.js';
import { appUninstalled } from './app-uninstalled.js';
import { directMessage } from './direct-message.js';
import { linkShared } from './link-shared.js';
import { threadReply } from './thread-reply.js';
import { tokensRevoked } from './tokens-revoked.js';

type Args = AllMiddlewareArgs<PaperbotContext> & SlackEventMiddlewareArgs;

export function register(app: App<PaperbotContext>, deps: Deps): void {
  const dm = directMessage(deps);
  const reply = threadReply(deps);
  // NOTE: only a direct message is ever answered; a message in a channel is at most counted as a
  // reply in a shared paper's thread.
  const message = (args: Args) => ((args.event as { channel_type?: unknown }).channel_type === 'im' ? dm(args) : reply(args));
  const routes = [
    route<Args>('app_mention', appMention(deps)),
    route<Args>('message', message),
    route<Args>('app_home_opened', appHomeOpened(deps)),
    route<Args>('link_shared', linkShared(deps)),
    // A workspace leaving: Bolt hands these over without an installation (its tokens are gone).
    route<Args>('app_uninstalled', appUninstalled(deps)),
    route<Args>('tokens_revoked', tokensRevoked(deps)),
  ];
  // Events are acked by Bolt before any listener runs; one we do not answer is just not routed.
  app.event(
    /^(app_mention|message|app_home_opened|link_shared|app_uninstalled|tokens_revoked)$/,
    dispatch(
      routes,
      ({ event }) => event.type,
      async () => {},
    ),
  );
}
