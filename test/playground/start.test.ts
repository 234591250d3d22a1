import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readConfig, type LocalConfig } from '../../src/env-config.js';
import { createLogger } from '../../src/logger.js';
import { registerListeners } from '../../handlers/index.js';
import { runPlayground } from '../../src/playground/run.js';
import { PortInUseError, startPlayground } from '../../src/playground/start.js';
import { realDeps, startTestPlayground } from './harness.js';

/** Starting and stopping: what `npm start` prints, a busy port, a stop that does not hang. */

const quietLogger = () => createLogger({ level: 'silent', destination: { write: () => {} } });

describe('runPlayground', () => {
  it('prints where the page is and how to connect a real workspace, and never the token it made up', async () => {
    let printed = '';
    const output = new Writable({
      write: (chunk, _enc, done) => {
        printed += String(chunk);
        done();
      },
    });
    const playground = await runPlayground({
      deps: realDeps(),
      logger: quietLogger(),
      config: readConfig({ PORT: '0' }) as LocalConfig,
      listeners: registerListeners,
      output,
    });
    try {
      expect(printed).toContain(`http://localhost:${playground.port}/`);
      expect(printed).toContain('docs/slack-setup.md');
      expect(printed).toContain('.env.example');
      expect(printed).not.toMatch(/xox[a-z]-/);
    } finally {
      await playground.stop();
    }
  });
});

describe('startPlayground', () => {
  it('says what to do when the port is taken', async () => {
    const first = await startTestPlayground();
    try {
      const config = readConfig({ PORT: String(first.playground.port) }) as LocalConfig;
      const second = startPlayground({ deps: realDeps(), logger: quietLogger(), config, listeners: registerListeners });
      await expect(second).rejects.toThrow(PortInUseError);
      await expect(second).rejects.toThrow(`PORT=${first.playground.port + 1} npm start`);
    } finally {
      await first.stop();
    }
  });

  it('stops at once, even with a page long-polling (which would otherwise hold it 25 s)', async () => {
    const t = await startTestPlayground();
    const { version } = await t.state();
    const waiting = t.nextLog((l) => l.msg === 'long poll waiting');
    const poll = t.get(`/api/state?after=${version}`).then(
      (r) => r.status,
      () => 'closed',
    );
    await waiting;
    const started = Date.now();
    await t.stop();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect([200, 'closed']).toContain(await poll);
  });
});
