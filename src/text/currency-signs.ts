/**
 * "how much govt $ has SpaceX gotten": a currency sign standing alone, with no amount beside it, is
 * written for the currency's name — the noun the documents use ("billions of dollars"). An amount
 * ("$5 billion") keeps its sign: the amount patterns read it as one.
 */
const CURRENCY_NOUNS: Readonly<Record<string, string>> = {
  $: 'dollars',
  '€': 'euros',
  '£': 'pounds',
  '¥': 'yen',
};

export function spellCurrencySigns(text: string): string {
  return text.replace(/(?<![\p{N}\p{L}])([$€£¥])(?![\p{N}\p{L}])/gu, (sign) => CURRENCY_NOUNS[sign] ?? sign);
}
