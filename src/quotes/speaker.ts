// A resolved speaker, as quotes carry it, and how an entity of the table becomes one.
import type { Entity } from './entity-table.js';

export type SpeakerKind = 'person' | 'org' | 'publication' | 'group' | 'unknown';

export interface Speaker {
  name: string;
  role: string | null;
  members: string[];
  kind: SpeakerKind;
}

/** The entity's latest mention at or before `pos` (-2 when there is none; hints are at -1). */
export const lastMentionBefore = (entity: Entity, pos: number) =>
  Math.max(-2, ...entity.mentions.filter((m) => m <= pos));

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
