/** One line of text on a page: PDF coordinates, origin bottom-left, in points (a page is 612 × 792). */
export interface PdfLine {
  text: string;
  x?: number;
  y: number;
  size?: number;
}

/**
 * Writes a small, valid PDF 1.4 by hand (Helvetica, one text object per line, a correct xref table),
 * so tests control exactly where each line sits. A page with no lines gets a filled rectangle and no
 * text at all: what a scanned page without a text layer looks like to a reader.
 */
export function makePdf(pages: PdfLine[][], info: { title?: string; encrypted?: boolean } = {}): Buffer {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) && objects.length;
  const catalog = add('');
  const pagesId = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  const pageIds: number[] = [];
  for (const lines of pages) {
    const content =
      lines.length === 0
        ? '0 0 0 rg 50 50 500 700 re f'
        : lines
            .map(
              (line) =>
                `BT /F1 ${line.size ?? 11} Tf ${line.x ?? 72} ${line.y} Td (${pdfString(line.text)}) Tj ET`,
            )
            .join('\n');
    const stream = add(
      `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    );
    pageIds.push(
      add(
        `<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${stream} 0 R >>`,
      ),
    );
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesId} 0 R >>`;
  objects[pagesId - 1] =
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  const infoId = info.title ? add(`<< /Title (${pdfString(info.title)}) >>`) : null;
  // A standard security handler whose user-password check cannot pass with the empty password: what a
  // reader sees of a PDF that needs a password to open (ISO 32000-1, 7.6.3).
  const encryptId = info.encrypted
    ? add(`<< /Filter /Standard /V 1 /R 2 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -4 >>`)
    : null;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${infoId ? ` /Info ${infoId} 0 R` : ''}${encryptId ? ` /Encrypt ${encryptId} 0 R /ID [<${'01'.repeat(16)}><${'01'.repeat(16)}>]` : ''} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

function pdfString(text: string): string {
  return text.replace(/[\\()]/g, (char) => `\\${char}`);
}

/** Lines laid out top-down from y = 720 at a 14-point leading; `null` leaves a blank line (a paragraph gap). */
export function column(lines: (string | null)[], top = 720): PdfLine[] {
  return lines.flatMap((text, index) => (text === null ? [] : [{ text, y: top - index * 14 }]));
}
