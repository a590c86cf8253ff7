import type { DocumentMeta, SpeakerHint } from './types.js';

/** Front matter values are user input: accept strings, numbers and YAML dates, ignore anything else. */
function asText(value: unknown): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  return null;
}

/** "Jack Reed (U.S. Senator, D-RI)" → { name: "Jack Reed", role: "U.S. Senator, D-RI" }. */
function parseSpeakerHint(entry: string): SpeakerHint | null {
  const match = /^\s*([^()]+?)\s*(?:\((.*)\))?\s*$/.exec(entry);
  const name = match?.[1]?.trim();
  if (!name) return null;
  return { name, role: match?.[2]?.trim() || null };
}

function asSpeakers(value: unknown): SpeakerHint[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    const hint = typeof entry === 'string' ? parseSpeakerHint(entry) : null;
    return hint ? [hint] : [];
  });
}

/** Builds the document's metadata from front matter (or HTML meta tags), falling back to the file name. */
export function toDocumentMeta(data: Record<string, unknown>, fallbackTitle: string): DocumentMeta {
  return {
    title: asText(data.title) ?? fallbackTitle,
    publisher: asText(data.publisher) ?? asText(data.site) ?? null,
    date: asText(data.date),
    url: asText(data.url),
    source: asText(data.source),
    speakers: asSpeakers(data.speakers),
  };
}
