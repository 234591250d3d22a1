import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../../src/paths.js';
import { MESSAGE_SHORTCUTS } from '../../src/playground/message-shortcuts.js';

describe("the playground's message shortcuts", () => {
  it('are the ones manifest.yml declares, by name and callback id', () => {
    const manifest = parse(readFileSync(join(PROJECT_ROOT, 'manifest.yml'), 'utf8'));
    const declared = (manifest.features.shortcuts as { name: string; type: string; callback_id: string }[])
      .filter((s) => s.type === 'message')
      .map((s) => ({ callbackId: s.callback_id, name: s.name }));
    expect(MESSAGE_SHORTCUTS).toEqual(declared);
  });
});
