/**
 * Bytes of a page or feed → text, in the encoding the server or the document declares (HTTP header
 * first, then a `<meta charset>` or an XML declaration's `encoding` in the first bytes, as browsers do:
 * https://html.spec.whatwg.org/#determining-the-character-encoding), UTF-8 otherwise. An unknown label
 * falls back to UTF-8 rather than failing the document.
 */
export function decodeMarkup(bytes: Buffer, contentType: string): string {
  const head = bytes.subarray(0, 2048).toString('latin1');
  const declared =
    /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1] ??
    /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1] ??
    /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w-]+)/i.exec(head)?.[1];
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(declared ?? 'utf-8');
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  const text = decoder.decode(bytes);
  return decoder.encoding === 'windows-1252' ? text.replace(/[\u0080-\u009f]/g, fromWindows1252) : text;
}

/**
 * Bytes 0x80–0x9F of windows-1252 (which WHATWG also uses for "latin1" and "iso-8859-1" labels): Node
 * 20's decoder leaves them as C1 control characters, which would lose a page's curly quotes and dashes.
 * https://encoding.spec.whatwg.org/index-windows-1252.txt
 */
const WINDOWS_1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function fromWindows1252(char: string): string {
  return WINDOWS_1252[char.charCodeAt(0) - 0x80] ?? char;
}
