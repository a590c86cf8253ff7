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
  return startsWithVowelSound(role) ? `an ${role}` : `a ${role}`;
}

/**
 * "an attorney", "a university president", "an honorary consul": the article follows the sound, not the
 * letter. English spelling marks the usual exceptions: "u"/"eu" read as "you" before a consonant and a
 * vowel ("uni-", "use-", "euro-"), "one", and a silent "h" in "hour", "honest", "honor", "heir".
 */
function startsWithVowelSound(word: string): boolean {
  const lower = word.toLowerCase();
  if (/^(?:hour|honest|honou?r|heir)/.test(lower)) return true;
  if (
    /^(?:u[bcdfgjklmnpqrstvz][aeiou]|eu|ew|one\b|once\b)/.test(lower) &&
    !/^un[^i]|^ul|^um|^up|^us[^eu]/.test(lower)
  )
    return false;
  return /^[aeiou]/.test(lower);
}

function joinAnd(names: string[]): string {
  if (names.length <= 2) return names.join(' and ');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
