import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Secrets at rest (each workspace's bot token, src/store/installations.ts): AES-256-GCM with
 * PAPERBOT_ENCRYPTION_KEY, a random 12-byte IV per value, and the GCM tag, so a value that was
 * altered, or sealed under another key or for another row, fails to open instead of yielding
 * garbage. A sealed value is text: `v1:<iv>:<tag>:<ciphertext>`, each part base64; the version
 * lets the format change without guessing.
 *
 * @example
 * const box = sealer(parseEncryptionKey(process.env.PAPERBOT_ENCRYPTION_KEY!));
 * const sealed = box.seal('xoxb-…', 'T0123'); // 'v1:…'
 * box.open(sealed, 'T0123'); // 'xoxb-…'
 */

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A sealed value that cannot be opened: another key, another row, altered, or not a sealed value at all. */
export class SealError extends Error {
  override name = 'SealError';
}

export interface Sealer {
  /** Encrypts `plain`; `context` (the row it belongs to) must be given again to open it. */
  seal(plain: string, context?: string): string;
  /** Decrypts a value `seal` made with the same key and context; throws a {@link SealError} otherwise. */
  open(sealed: string, context?: string): string;
}

const HEX_KEY = /^[0-9a-fA-F]{64}$/;
// 32 bytes are 43 base64 characters and one `=`; the URL-safe alphabet is taken too.
const BASE64_KEY = /^(?:[A-Za-z0-9+/]{43}|[A-Za-z0-9_-]{43})=?$/;

/**
 * PAPERBOT_ENCRYPTION_KEY as bytes: 32 of them, written in base64 (`openssl rand -base64 32`) or
 * hex (`openssl rand -hex 32`). Throws an Error saying what is wrong (never echoing the value).
 */
export function parseEncryptionKey(text: string): Buffer {
  const value = text.trim();
  const bytes = HEX_KEY.test(value) ? Buffer.from(value, 'hex') : BASE64_KEY.test(value) ? Buffer.from(value, 'base64') : undefined;
  if (bytes?.length !== KEY_BYTES) {
    throw new Error(`must be ${KEY_BYTES} random bytes in base64 (44 characters: openssl rand -base64 32) or hex (64 characters: openssl rand -hex 32)`);
  }
  if (bytes.every((byte) => byte === bytes[0])) throw new Error('is not random (every byte the same): make one with openssl rand -base64 32');
  return bytes;
}

/** Seals and opens values with `key` (32 bytes; see {@link parseEncryptionKey}). */
export function sealer(key: Buffer): Sealer {
  if (key.length !== KEY_BYTES) throw new Error(`sealer: the key must be ${KEY_BYTES} bytes, not ${key.length}`);
  const secret = Buffer.from(key);
  return {
    seal(plain, context = '') {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(ALGORITHM, secret, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), ciphertext.toString('base64')].join(':');
    },
    open(sealed, context = '') {
      const [version, iv, tag, ciphertext, ...rest] = sealed.split(':');
      if (version !== VERSION || iv === undefined || tag === undefined || ciphertext === undefined || rest.length > 0) {
        throw new SealError(`not a sealed value (expected ${VERSION}:iv:tag:ciphertext)`);
      }
      const ivBytes = Buffer.from(iv, 'base64');
      const tagBytes = Buffer.from(tag, 'base64');
      if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) throw new SealError('not a sealed value (bad IV or tag length)');
      try {
        const decipher = createDecipheriv(ALGORITHM, secret, ivBytes, { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(tagBytes);
        return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]).toString('utf8');
      } catch (error) {
        throw new SealError('cannot be opened: sealed with another PAPERBOT_ENCRYPTION_KEY, for another row, or altered', { cause: error });
      }
    },
  };
}
