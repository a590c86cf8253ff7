import { realpath } from 'node:fs/promises';
import { sep } from 'node:path';

/**
 * Why a file reached through a symbolic link is not read, or null when it may be. Hidden files are
 * never documents (the listing skips them by name), and a link must not bring one in under a visible
 * name: a link `notes.txt` → the bot's own `.env` or `~/.ssh/…` would put secrets into the index, and
 * whatever is indexed can be quoted in Slack. Links to ordinary files and folders elsewhere are
 * followed: arranging a corpus with links is normal.
 */
export async function hiddenLinkTarget(path: string, realRoot: string): Promise<string | null> {
  const real = await realpath(path).catch(() => null);
  if (real === null || real === path) return null;
  // Only the part of the target outside what it shares with the corpus folder: a corpus that itself
  // lives under a hidden folder (~/.local/share/…) is not hidden from its owner.
  const rootParts = realRoot.split(sep);
  const parts = real.split(sep);
  let shared = 0;
  while (shared < rootParts.length && shared < parts.length && rootParts[shared] === parts[shared]) shared++;
  if (!parts.slice(shared).some((part) => part.startsWith('.'))) return null;
  return `a symbolic link to a hidden file (${real}), which is never read`;
}
