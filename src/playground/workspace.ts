import { SlackWorkspace, type WorkspaceSetup } from '../slack-stand-in/workspace.js';
import type { Block } from '../slack-stand-in/types.js';
import { MESSAGE_SHORTCUTS } from './message-shortcuts.js';
import type { State, Workspace as WorkspaceInfo } from './web/api-types.js';

/**
 * The playground's Slack workspace: the stand-in's, closed (only its people and channels exist,
 * and only what the viewer sees is kept), plus what the page needs: everything it draws as one
 * state, and a version that every change bumps, which the page long-polls on.
 */
export class Workspace extends SlackWorkspace {
  private version = 1;
  private waiters = new Set<() => void>();

  constructor(setup: WorkspaceSetup, now: () => number = Date.now) {
    super(setup, { world: 'closed', now });
  }

  get info(): WorkspaceInfo {
    const { teamName, bot, me, others, slackbot } = this.setup;
    return {
      teamName,
      botUserId: bot.userId,
      botName: bot.name,
      me: { ...me },
      users: Object.fromEntries([me, ...others, slackbot, { id: bot.userId, name: bot.name }].map((p) => [p.id, p.name])),
      channels: this.conversations,
      shortcuts: MESSAGE_SHORTCUTS.map((s) => ({ ...s })),
    };
  }

  get currentVersion(): number {
    return this.version;
  }

  /** The viewer's Home tab, as the app last published it. */
  get homeBlocks(): Block[] | null {
    return this.homeOf(this.setup.me.id);
  }

  /** Everything the page draws, as a copy the caller may keep. */
  state(): State {
    const home = this.homeBlocks;
    return { version: this.version, workspace: this.info, messages: this.allMessages(), home: home ? { blocks: home } : null };
  }

  /**
   * Resolves once the version has moved past `after`, or after `timeoutMs`, or when `signal`
   * aborts (the page went away), whichever comes first.
   */
  async waitForChange(after: number, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    if (this.version !== after || signal?.aborted) return;
    await new Promise<void>((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', finish);
        this.waiters.delete(finish);
        resolve();
      };
      const timer = setTimeout(finish, timeoutMs);
      signal?.addEventListener('abort', finish);
      this.waiters.add(finish);
    });
  }

  /** Lets every waiting long poll answer now (on shutdown). */
  releaseWaiters(): void {
    for (const finish of [...this.waiters]) finish();
  }

  protected override changed(): void {
    this.version += 1;
    this.releaseWaiters();
  }
}
