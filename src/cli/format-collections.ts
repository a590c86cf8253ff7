import type { CollectionStats } from '../index/collection-stats.js';
import { plural } from './format-fetched.js';

/** "3 documents, 41 paragraphs, 12 attributed quotes, updated 2026-12-02 10:31 UTC" */
export function statsText(stats: CollectionStats): string {
  const updated = stats.updatedAt ? `, updated ${stats.updatedAt.slice(0, 16).replace('T', ' ')} UTC` : '';
  return (
    `${plural(stats.documents, 'document')}, ${plural(stats.paragraphs, 'paragraph')}, ` +
    `${plural(stats.quotes, 'attributed quote')}${updated}`
  );
}
