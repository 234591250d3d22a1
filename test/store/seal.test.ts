import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseEncryptionKey, SealError, sealer } from '../../src/store/seal.js';

const KEY = randomBytes(32);
const TOKEN = 'xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx';

describe('sealing secrets at rest (AES-256-GCM)', () => {
  it('opens what it sealed, and never seals the same value to the same text', () => {
    const box = sealer(KEY);
    const [one, two] = [box.seal(TOKEN, 'T0A'), box.seal(TOKEN, 'T0A')];
    expect(one).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(one).not.toBe(two);
    expect(one).not.toContain('xoxb');
    expect(Buffer.from(one.split(':')[1]!, 'base64')).toHaveLength(12);
    expect(box.open(one, 'T0A')).toBe(TOKEN);
    expect(box.open(two, 'T0A')).toBe(TOKEN);
    expect(box.open(box.seal('ünïcødé ✓'), '')).toBe('ünïcødé ✓');
  });

  it('refuses another key, another row, and any altered part', () => {
    const sealed = sealer(KEY).seal(TOKEN, 'T0A');
    expect(() => sealer(randomBytes(32)).open(sealed, 'T0A')).toThrow(SealError);
    expect(() => sealer(KEY).open(sealed, 'T0B')).toThrow(SealError);
    const [version, iv, tag, ciphertext] = sealed.split(':') as [string, string, string, string];
    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, 'base64');
      bytes[0]! ^= 1;
      return bytes.toString('base64');
    };
    for (const altered of [
      [version, flip(iv), tag, ciphertext],
      [version, iv, flip(tag), ciphertext],
      [version, iv, tag, flip(ciphertext)],
      [version, iv, tag, Buffer.from(ciphertext, 'base64').subarray(1).toString('base64')],
      ['v2', iv, tag, ciphertext],
      [version, iv, tag],
      [TOKEN],
    ]) {
      expect(() => sealer(KEY).open(altered.join(':'), 'T0A')).toThrow(SealError);
    }
  });

  it('reads PAPERBOT_ENCRYPTION_KEY as 32 bytes in base64 or hex, and names what is wrong otherwise', () => {
    expect(parseEncryptionKey(KEY.toString('base64')).equals(KEY)).toBe(true);
    expect(parseEncryptionKey(KEY.toString('base64url')).equals(KEY)).toBe(true);
    expect(parseEncryptionKey(` ${KEY.toString('hex')}\n`).equals(KEY)).toBe(true);
    expect(parseEncryptionKey(KEY.toString('hex').toUpperCase()).equals(KEY)).toBe(true);
    for (const bad of [
      randomBytes(16).toString('base64'),
      randomBytes(31).toString('hex'),
      randomBytes(33).toString('base64'),
      'correct horse battery staple',
      '',
    ]) {
      expect(() => parseEncryptionKey(bad)).toThrow(/must be 32 random bytes in base64 .* or hex/);
    }
    expect(() => parseEncryptionKey(Buffer.alloc(32).toString('base64'))).toThrow(/not random/);
    expect(() => sealer(randomBytes(16))).toThrow(/32 bytes/);
  });
});
