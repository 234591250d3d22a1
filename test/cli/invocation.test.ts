import { describe, expect, it } from 'vitest';
import { invocation, shellWord } from '../../src/cli/invocation.js';

const script = '/app/dist/src/cli/main.js';

describe('invocation: the CLI named as the user ran it', () => {
  it('is the npm script under `npm run paperbot`, with -s so that what it names pipes cleanly', () => {
    expect(invocation({ npm_lifecycle_event: 'paperbot' }, script, '/app')).toBe('npm run -s paperbot --');
  });

  it('is `npx paperbot` under npx / npm exec', () => {
    expect(invocation({ npm_lifecycle_event: 'npx' }, script, '/app')).toBe('npx paperbot');
  });

  it('is `paperbot` when run through the bin link (npm link, a global install)', () => {
    expect(invocation({}, '/usr/local/bin/paperbot', '/home/me')).toBe('paperbot');
  });

  it('is `node <path>` otherwise: relative inside the working folder, absolute outside it', () => {
    expect(invocation({}, script, '/app')).toBe('node dist/src/cli/main.js');
    expect(invocation({ npm_lifecycle_event: 'ingest' }, script, '/app')).toBe('node dist/src/cli/main.js');
    expect(invocation({}, script, '/elsewhere')).toBe('node /app/dist/src/cli/main.js');
    expect(invocation({}, '/my app/dist/src/cli/main.js', '/tmp')).toBe("node '/my app/dist/src/cli/main.js'");
  });
});

describe('shellWord', () => {
  it('leaves plain words as they are and quotes the rest so a shell reads them back', () => {
    expect(shellWord('2308.16582')).toBe('2308.16582');
    expect(shellWord('https://arxiv.org/abs/2308.16582v1')).toBe('https://arxiv.org/abs/2308.16582v1');
    expect(shellWord('diffusion models')).toBe("'diffusion models'");
    expect(shellWord("it's $HOME")).toBe(`'it'\\''s $HOME'`);
    expect(shellWord('')).toBe("''");
  });
});
