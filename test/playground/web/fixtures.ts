import type { Message, State, Workspace } from '../../../src/playground/web/api-types.js';

/** A small workspace and message builder with defaults, for the page's view tests. */

export const workspace: Workspace = {
  teamName: 'Acme Research',
  botUserId: 'UBOT',
  botName: 'Paperbot',
  me: { id: 'UME', name: 'Alice' },
  users: { UME: 'Alice', UBOB: 'Bob Chen' },
  channels: [
    { id: 'CPAPERS', name: 'papers', kind: 'channel' },
    { id: 'CGEN', name: 'general', kind: 'channel' },
    { id: 'DBOT', name: 'Paperbot', kind: 'im' },
  ],
};

let next = 0;

export function message(overrides: Partial<Message> = {}): Message {
  next += 1;
  return {
    id: `m${next}`,
    channel: 'CPAPERS',
    ts: `1764144${String(next).padStart(3, '0')}.000100`,
    userId: 'UBOB',
    bot: false,
    text: 'hello',
    ephemeral: false,
    ...overrides,
  };
}

export function state(messages: Message[], overrides: Partial<State> = {}): State {
  return { version: 1, workspace, messages, home: null, ...overrides };
}
