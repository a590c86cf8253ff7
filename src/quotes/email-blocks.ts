// Emails printed in a story: a header block ("From: Dale Kuchar", "To: …", "Sent: …", "Subject: …"),
// the body, then a sign-off ("Thanks, Sam", "Sent from my iPhone", a signature line). The body is the
// sender's own words; a reply's "> " lines quote the message it answers. Mail clients have written
// headers and quoted replies this way since RFC 822, so the layout, not the words, says what is what.

import { VALEDICTIONS } from './credit-lines.js';

/** What a paragraph is inside a printed email; null outside any. */
export type EmailPart =
  | { kind: 'header' }
  | { kind: 'signoff' }
  | { kind: 'body'; sender: string }
  | { kind: 'quoted'; sender: string; quotedSender: string | null };

const FROM = /^\s*(?:\*\*)?From:(?:\*\*)?\s+(.+?)\s*$/u;
const HEADER = /^\s*(?:\*\*)?(?:From|To|Cc|Bcc|Sent|Date|Subject|Reply-To):(?:\*\*)?\s/u;
const QUOTED = /^\s*>\s?/;
/**
 * How an email closes: a valediction or thanks with at most a name after it, a mobile client's line,
 * or a signature line with the sender's name and a separator ("Dale Kuchar | Aquatics Supervisor").
 */
const SIGNOFF = new RegExp(
  String.raw`^\s*(?:${VALEDICTIONS}(?:[,!.]\s*[\p{L}.' -]{0,40})?|Sent from my [\p{L} ]{1,30}|—\s*[\p{L}.' -]{1,40})\s*$`,
  'u',
);
/** A body runs a few paragraphs at most before the email must end. */
const MAX_BODY_PARAGRAPHS = 8;

/** The email role of each paragraph, read from the headers, sign-offs and quoted lines. */
export function readEmailParts(texts: readonly string[]): Array<EmailPart | null> {
  const parts: Array<EmailPart | null> = texts.map(() => null);
  const senders: string[] = [];
  for (let i = 0; i < texts.length; i++) {
    const sender = FROM.exec(texts[i] ?? '')?.[1];
    if (!sender) continue;
    let j = i;
    while (j < texts.length && HEADER.test(texts[j] ?? '')) parts[j++] = { kind: 'header' };
    // The body is credited only when its end is explicit: a sign-off, the next header, or the
    // reporter's line introducing the next email ("Kuchar replied 11 minutes later:").
    const bodyStart = j;
    let end = -1;
    for (let k = bodyStart; k < texts.length && k < bodyStart + MAX_BODY_PARAGRAPHS + 1; k++) {
      const text = texts[k] ?? '';
      if (FROM.test(text) || SIGNOFF.test(text) || isSignature(text, sender)) {
        end = k;
        break;
      }
      if (/:\s*$/.test(text) && FROM.test(texts[k + 1] ?? '')) {
        end = k;
        break;
      }
    }
    if (end <= bodyStart) {
      senders.push(sender);
      continue;
    }
    const previous = senders.at(-1) ?? null;
    for (let k = bodyStart; k < end; k++) {
      const text = texts[k] ?? '';
      parts[k] = QUOTED.test(text)
        ? { kind: 'quoted', sender, quotedSender: quotedIn(text, previous, texts, i) }
        : { kind: 'body', sender };
    }
    const last = texts[end] ?? '';
    if (SIGNOFF.test(last) || isSignature(last, sender)) parts[end] = { kind: 'signoff' };
    senders.push(sender);
    i = end - 1;
  }
  return parts;
}

/** "Dale Kuchar | Aquatics Maintenance Supervisor": the sender's name opening a line with a separator. */
function isSignature(text: string, sender: string): boolean {
  return text.trim().startsWith(sender) && /\s[|·•]\s|^\S+(?:\s\S+){0,3}$/u.test(text.trim());
}

/**
 * A "> " line quotes the message the reply answers: the previous email's sender, when those words are
 * in that email (as a client quotes them); otherwise nobody can be named.
 */
function quotedIn(
  text: string,
  previous: string | null,
  texts: readonly string[],
  before: number,
): string | null {
  const words = text.replace(QUOTED, '').trim();
  if (!previous || words === '') return null;
  return texts.slice(0, before).some((t) => !QUOTED.test(t) && t.includes(words)) ? previous : null;
}
