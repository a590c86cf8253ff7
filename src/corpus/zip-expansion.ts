import { inflateRawSync } from 'node:zlib';

/**
 * The bytes the entries of a ZIP file (a .docx) expand to, counted by really inflating each one with
 * a hard cap, or `null` once they would exceed `limit`. A ZIP's own size fields cannot be trusted (a
 * zip bomb may state small ones), and mammoth would inflate everything into memory: this finds a bomb
 * first at the cost of reading the file twice. Anything it cannot parse is left to mammoth to refuse.
 */
export function zipExpansion(bytes: Buffer, limit: number): number | null {
  const end = bytes.lastIndexOf(END_OF_DIRECTORY);
  if (end < 0 || end + 22 > bytes.length) return 0;
  const count = bytes.readUInt16LE(end + 10);
  let entry = bytes.readUInt32LE(end + 16);
  let total = 0;
  for (let i = 0; i < count && entry + 46 <= bytes.length; i++) {
    if (bytes.readUInt32LE(entry) !== 0x02014b50) break;
    const method = bytes.readUInt16LE(entry + 10);
    const storedSize = bytes.readUInt32LE(entry + 20);
    const nameLength = bytes.readUInt16LE(entry + 28);
    const extraLength = bytes.readUInt16LE(entry + 30);
    const commentLength = bytes.readUInt16LE(entry + 32);
    const local = bytes.readUInt32LE(entry + 42);
    entry += 46 + nameLength + extraLength + commentLength;
    if (local + 30 > bytes.length) continue;
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    // Inflate to the end of the file: a deflate stream ends itself, so no stated size is needed.
    const data = bytes.subarray(start);
    if (method === 0) {
      total += Math.min(storedSize, data.length);
    } else if (method === 8) {
      try {
        total += inflateRawSync(data, { maxOutputLength: limit - total + 1 }).length;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError)
          return null;
        // Not inflatable: mammoth will say the file is damaged.
      }
    }
    if (total > limit) return null;
  }
  return total;
}

const END_OF_DIRECTORY = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
