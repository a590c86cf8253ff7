import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { TokenKeys } from '../config.js';

/** Marks a sealed value: version, then base64 IV, tag and ciphertext (AES-256-GCM). */
const SEALED = 'aes256gcm:';

/**
 * Encrypts installations (which hold Slack tokens) before they are stored: AES-256-GCM with a fresh
 * 96-bit IV per value, authenticated, so a value altered, truncated or sealed under another key is
 * refused rather than misread. Values sealed with a previous key (a rotation under way) still open,
 * and say so, so the store can seal them again with the current key.
 */
export class TokenSeal {
  constructor(private readonly keys: TokenKeys) {
    for (const key of [keys.current, ...keys.previous])
      if (key.length !== 32) throw new Error('a token key must be 32 bytes');
  }

  seal(text: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.current, iv);
    const data = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    return `${SEALED}${[iv, cipher.getAuthTag(), data].map((part) => part.toString('base64')).join(':')}`;
  }

  /** The text, and whether it was sealed with a previous key (`stale`: seal it again). */
  open(stored: string): { text: string; stale: boolean } {
    // A plain value would mean tokens were written unencrypted (by hand, or by another program): refuse.
    if (!stored.startsWith(SEALED)) throw new Error('an installation is stored unencrypted');
    const [iv, tag, data] = stored
      .slice(SEALED.length)
      .split(':')
      .map((part) => Buffer.from(part, 'base64'));
    if (!iv || !tag || !data) throw new Error('an encrypted installation is malformed');
    for (const [index, key] of [this.keys.current, ...this.keys.previous].entries()) {
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, iv);
        decipher.setAuthTag(tag);
        const text = Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
        return { text, stale: index > 0 };
      } catch {
        // Not this key (the tag does not verify): try the next one.
      }
    }
    throw new Error(
      'an installation cannot be decrypted with WHOSAID_TOKEN_KEY (nor WHOSAID_TOKEN_KEY_PREVIOUS): the key changed',
    );
  }
}
