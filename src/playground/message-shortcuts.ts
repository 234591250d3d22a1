import { SLACK_APP } from '../config.js';
import type { MessageShortcut } from './web/api-types.js';

/**
 * The message shortcuts manifest.yml gives the app, as Slack lists them in a message's "More
 * actions" menu (test/playground/message-shortcuts.test.ts holds this list to the manifest).
 */
export const MESSAGE_SHORTCUTS: readonly MessageShortcut[] = [{ callbackId: SLACK_APP.shortcutCallbackId, name: 'Find papers' }];
