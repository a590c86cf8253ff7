import { relative, resolve, sep } from 'node:path';
import { WhosaidError } from '../errors.js';

/**
 * Where the bot keeps its state: WHOSAID_STATE_DIR, or `<index folder>-state` beside the index. Never
 * inside the index folder, which every rebuild replaces whole (src/index/atomic-directory.ts): state
 * kept there would vanish with the old generation, and pending replies with it.
 */
export function stateDirFor(config: { indexDir: string; stateDir: string | undefined }): string {
  const index = resolve(config.indexDir);
  const state = resolve(config.stateDir ?? `${index}-state`);
  const rel = relative(index, state);
  if (rel === '' || !(rel === '..' || rel.startsWith(`..${sep}`) || resolve(rel) === rel)) {
    throw new WhosaidError(
      'CONFIG_INVALID',
      `WHOSAID_STATE_DIR (${state}) is inside the index folder ${index}, which is replaced whole on every rebuild. ` +
        'Point it at a folder of its own, or leave it unset to use a folder beside the index.',
    );
  }
  return state;
}
