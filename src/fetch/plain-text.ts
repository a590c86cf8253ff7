/**
 * Text from the web, fit to print and store: control characters (Unicode category Cc, C0 and C1)
 * removed — a title carrying terminal escape sequences would otherwise reach whoever runs `whosaid`
 * in a terminal — and white space collapsed to single spaces.
 */
export function plainLine(text: string): string {
  return text
    .replace(/[\p{Cc}\u200b\u2028\u2029]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
