import assert from 'node:assert/strict';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CorpusFileError } from '../../src/corpus/corpus-file-error.js';
import { loadDocument } from '../../src/corpus/load-document.js';
import { extractQuotes } from '../../src/quotes/extract-quotes.js';
import { makeDocx } from '../support/make-docx.js';
import { column, makePdf, type PdfLine } from '../support/make-pdf.js';
import { runWhosaid } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';
import { serve, startWebStandIn, type WebStandIn } from '../support/web-stand-in.js';

const header = (page: number): PdfLine[] => [
  { text: 'Kessington Transit Board - Minutes of the March meeting', y: 760, size: 9 },
  { text: `Page ${page} of 2`, y: 40, size: 9 },
];

/** Two pages: running header and page numbers, a hyphenated word, a paragraph across the page break. */
const minutes = makePdf(
  [
    [
      ...header(1),
      ...column([
        'The board met on Thursday to discuss the fare increase proposed for the',
        'coming year and the state of the bus fleet, which the auditor called',
        'worn out in her report on maintenance and infor-',
        'mation systems.',
        null,
        '"We cannot keep raising fares while the buses keep breaking down," said',
        'Transit Director Lena Park, who asked the board to delay the vote until',
        'the repair budget for the depots and the',
      ]),
    ],
    [
      ...header(2),
      ...column([
        'garages had been approved by the city council.',
        null,
        'Board member Tomas Reyes said the increase would raise four million dollars',
        'a year for new vehicles.',
      ]),
    ],
  ],
  { title: 'Transit board minutes, March' },
);

describe('PDF and Word documents', () => {
  let dir: string;
  let web: WebStandIn;
  before(async () => {
    dir = await tempDir();
    web = await startWebStandIn();
  });
  after(() => web.close());

  it('reads a PDF into paragraphs with pages, without headers, page numbers or hyphenation', async () => {
    const path = join(dir, 'minutes.pdf');
    await writeFile(path, minutes);
    const document = await loadDocument(path);
    assert.equal(document.meta.title, 'Transit board minutes, March');
    assert.deepEqual(
      document.paragraphs.map((paragraph) => [paragraph.page, paragraph.text]),
      [
        [
          1,
          'The board met on Thursday to discuss the fare increase proposed for the coming year and the state of ' +
            'the bus fleet, which the auditor called worn out in her report on maintenance and information systems.',
        ],
        [
          1,
          '"We cannot keep raising fares while the buses keep breaking down," said Transit Director Lena Park, who ' +
            'asked the board to delay the vote until the repair budget for the depots and the garages had been ' +
            'approved by the city council.',
        ],
        [
          2,
          'Board member Tomas Reyes said the increase would raise four million dollars a year for new vehicles.',
        ],
      ],
    );
    const quotes = extractQuotes({ paragraphs: document.paragraphs, speakerHints: [] });
    const direct = quotes.find((quote) => quote.kind === 'direct');
    assert.equal(direct?.speaker, 'Lena Park');
    assert.equal(quotes.find((quote) => quote.paragraph === 3)?.speaker, 'Tomas Reyes');
  });

  it('refuses a PDF with no text layer, an encrypted one and a damaged one, saying why', async () => {
    const scan = join(dir, 'scan.pdf');
    await writeFile(scan, makePdf([[], []]));
    await assert.rejects(loadDocument(scan), (error: unknown) => {
      assert.ok(error instanceof CorpusFileError);
      assert.match(error.reason, /no text layer \(a scanned image\?\); run OCR/);
      return true;
    });
    const locked = join(dir, 'locked.pdf');
    await writeFile(locked, makePdf([column(['Secret minutes.'])], { encrypted: true }));
    await assert.rejects(loadDocument(locked), /the PDF is encrypted \(password protected\)/);
    const broken = join(dir, 'broken.pdf');
    await writeFile(broken, minutes.subarray(0, 200));
    await assert.rejects(loadDocument(broken), /not a readable PDF/);
  });

  it('reads a Word file paragraph by paragraph, and refuses a damaged one', async () => {
    const path = join(dir, 'letter.docx');
    await writeFile(
      path,
      makeDocx([
        'Dear members of the board,',
        'I write about the proposed fare increase. "Riders deserve reliable buses first," said Mira Holt, chair of the riders union.',
      ]),
    );
    const document = await loadDocument(path);
    assert.equal(document.paragraphs.length, 2);
    assert.equal(document.paragraphs[1]?.page, undefined, 'a .docx has no fixed pages');
    const quotes = extractQuotes({ paragraphs: document.paragraphs, speakerHints: [] });
    assert.equal(quotes[0]?.speaker, 'Mira Holt');
    const broken = join(dir, 'broken.docx');
    await writeFile(broken, Buffer.from('PK\x03\x04 not really a zip'));
    await assert.rejects(loadDocument(broken), /not a readable Word \(\.docx\) file/);
  });

  it('cites the page of a PDF paragraph as "p. N", in answers and in quotes', async () => {
    const corpus = join(dir, 'paged-corpus');
    await mkdir(corpus, { recursive: true });
    await writeFile(join(corpus, 'minutes.pdf'), minutes);
    const env = { WHOSAID_CORPUS_DIR: corpus, WHOSAID_INDEX_DIR: join(dir, 'paged-index') };
    const question = 'How much would the fare increase raise for new vehicles?';
    const json = JSON.parse((await runWhosaid(['ask', question, '--json'], env)).stdout);
    const citation = json.citations.find((c: { paragraph: number }) => c.paragraph === 3);
    assert.ok(citation, JSON.stringify(json));
    assert.equal(citation.page, 2);
    const text = await runWhosaid(['ask', question], env);
    assert.match(text.stdout, /paged-corpus\/minutes\.pdf, paragraph 3, p\. 2\)/);
    const quotes = JSON.parse((await runWhosaid(['quotes', '--speaker', 'Reyes', '--json'], env)).stdout);
    assert.equal(quotes[0]?.page, 2);
    assert.match(
      (await runWhosaid(['quotes', '--speaker', 'Lena Park'], env)).stdout,
      /minutes\.pdf ¶2, p\. 1/,
    );
  });

  it('fetches a PDF by URL, keeps it with its URL, and refuses a scan before storing it', async () => {
    web.routes.set('/minutes.pdf', serve('application/pdf', minutes));
    web.routes.set('/scan.pdf', serve('application/octet-stream', makePdf([[]])));
    const env = { WHOSAID_INDEX_DIR: join(dir, 'url-index'), WHOSAID_ALLOW_PRIVATE_URLS: '1' };
    const run = await runWhosaid(['ingest', web.url('/minutes.pdf'), web.url('/scan.pdf'), '--json'], env);
    assert.equal(run.status, 1);
    const [pdf, scan] = JSON.parse(run.stdout).fetched;
    assert.equal(pdf.outcome, 'added');
    assert.match(pdf.path, /minutes-[0-9a-f]{10}\.pdf$/);
    assert.equal(pdf.summary.paragraphs, 3);
    assert.equal(pdf.summary.topSpeaker.name, 'Lena Park');
    assert.equal(scan.outcome, 'failed');
    assert.match(scan.reason, /no text layer/);
    const stored = await readdir(join(dir, 'url-index-fetched', '127.0.0.1'));
    assert.ok(!stored.some((name) => name.startsWith('scan')), `nothing stored for the scan: ${stored}`);
    const json = JSON.parse(
      (await runWhosaid(['ask', 'Who said the buses keep breaking down?', '--json'], env)).stdout,
    );
    assert.equal(json.citations[0]?.url, web.url('/minutes.pdf'));
    assert.equal(json.citations[0]?.page, 1);
  });
});
