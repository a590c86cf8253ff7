import type { Quote } from '../quotes/types.js';

/**
 * How a speaker is named in an answer: "Dan Meyer, a national security attorney," / "Walter Isaacson,
 * Musk's biographer," / "the Senators (Jeanne Shaheen and Jack Reed)". The role comes from the document's
 * own attribution, never from a model.
 */
export function credit(quote: Pick<Quote, 'speaker' | 'role' | 'members'>): string {
  const speaker = quote.speaker ?? 'An unnamed source';
  if (quote.members.length > 0) return `${speaker} (${joinAnd(quote.members)})`;
  if (!quote.role) return speaker;
  return `${speaker}, ${withArticle(quote.role)},`;
}

/** "national security attorney" → "a national security attorney"; titles and possessives stay as they are. */
function withArticle(role: string): string {
  if (/^(?:a|an|the)\s/i.test(role) || /^\p{Lu}/u.test(role) || /['’]s\b/.test(role.split(' ')[0] ?? '')) {
    return role;
  }
  return /^[aeiou]/i.test(role) ? `an ${role}` : `a ${role}`;
}

function joinAnd(names: string[]): string {
  if (names.length <= 2) return names.join(' and ');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
