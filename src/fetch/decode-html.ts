/**
 * Bytes of a page → text, in the encoding the server or the page declares (HTTP header first, then a
 * `<meta charset>` in the first bytes, as browsers do: https://html.spec.whatwg.org/#determining-the-character-encoding),
 * UTF-8 otherwise. An unknown label falls back to UTF-8 rather than failing the page.
 */
export function decodeHtml(bytes: Buffer, contentType: string): string {
  const declared =
    /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1] ??
    /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(bytes.subarray(0, 2048).toString('latin1'))?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}
