/**
 * Child process for the interrupted-write test: starts writing an index and is killed (SIGKILL, no
 * clean-up possible) in the middle of writing the vector index file.
 * Usage: tsx crash-while-writing.ts INDEX_DIR
 */
import { writeFile } from 'node:fs/promises';
import { writeIndex } from '../../src/index/index-store.js';
import { HnswVectorIndex } from '../../src/index/vector-index.js';
import { smallIndex } from './small-index.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: crash-while-writing.ts INDEX_DIR');
HnswVectorIndex.prototype.save = async (path: string) => {
  await writeFile(path, Buffer.alloc(100, 1));
  process.kill(process.pid, 'SIGKILL');
};
await writeIndex(dir, smallIndex(['new text that must never be seen half-written'], 'crashed-run'));
