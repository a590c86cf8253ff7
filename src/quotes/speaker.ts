// A resolved speaker, as quotes carry it, and how an entity of the table becomes one.
import type { Entity } from './entity-table.js';

export type SpeakerKind = 'person' | 'org' | 'publication' | 'group' | 'unknown';

export interface Speaker {
  name: string;
  role: string | null;
  members: string[];
  kind: SpeakerKind;
  /** An unnamed source ("a senior official", "people familiar with the matter"): never a named person. */
  unnamed?: boolean;
}

/**
 * The entity's latest mention at or before `pos` (-2 when there is none; hints are at -1). Mentions are
 * sorted, so a binary search keeps this cheap for a name mentioned thousands of times.
 */
export function lastMentionBefore(entity: Entity, pos: number): number {
  const { mentions } = entity;
  let low = 0;
  let high = mentions.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((mentions[mid] as number) <= pos) low = mid + 1;
    else high = mid;
  }
  return low > 0 ? (mentions[low - 1] as number) : -2;
}

/** A person keeps their first role; organisations and publications carry none. */
export function entitySpeaker(entity: Entity, role: string | null): Speaker {
  const kind = entity.kind === 'unknown' && entity.words.length >= 2 ? 'person' : entity.kind;
  return {
    name: entity.name,
    role: role ?? (kind === 'person' || kind === 'unknown' ? (entity.roles[0] ?? null) : null),
    members: [],
    kind,
  };
}
