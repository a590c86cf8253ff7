// One short line saying where a quote comes from, for the CLI and Slack: "said to The New York Times ·
// 2023 · relayed by Axios". The document's own date is left out (every source line shows it already).
import type { Quote } from './types.js';

export function provenanceLine(quote: Pick<Quote, 'saidTo' | 'when' | 'relayedBy' | 'unnamed'>): string {
  const parts: string[] = [];
  if (quote.unnamed) parts.push('unnamed source');
  if (quote.saidTo) parts.push(`said to ${quote.saidTo}`);
  if (quote.when?.source === 'text') parts.push(quote.when.text);
  if (quote.relayedBy) parts.push(`relayed by ${quote.relayedBy}`);
  return parts.join(' · ');
}
