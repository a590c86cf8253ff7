import assert from 'node:assert/strict';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { loadDocument } from '../../src/corpus/load-document.js';
import { tempDir } from '../support/temp-dir.js';

describe('loadCorpus on the bundled corpus', () => {
  it('loads every document with front matter and stable paragraph ids', async () => {
    const { documents, problems } = await loadCorpus({ dir: 'corpus' });
    assert.deepEqual(problems, []);
    assert.equal(documents.length, 5);
    const axios = documents.find((document) => document.id === 'corpus/axios-musk-putin-spacex.md');
    assert.ok(axios);
    assert.equal(axios.meta.publisher, 'Axios');
    assert.equal(axios.meta.date, '2024-10-27');
    assert.equal(axios.paragraphs.length, 23, 'every non-empty body line is a paragraph');
    assert.equal(axios.paragraphs[14]?.id, 'corpus/axios-musk-putin-spacex.md#15');
    assert.match(axios.paragraphs[14]?.text ?? '', /^- "NASA was our greatest achievement/);
    const reed = documents.find((document) => document.id.includes('reed-2023'));
    assert.equal(
      reed?.meta.url,
      'https://www.reed.senate.gov/news/releases/sen-reed-starlink-highlights-vulnerabilities-that-must-be-addressed',
    );
    assert.deepEqual(reed?.meta.speakers[0], {
      name: 'Jack Reed',
      role: 'U.S. Senator, D-RI; Chairman, Senate Armed Services Committee',
    });
  });

  it('keeps each paragraph an exact slice of the file', async () => {
    const path = 'corpus/warren-shaheen-duckworth-2023-09-15-starlink-letter.md';
    const document = await loadDocument(path, { corpusRoot: 'corpus' });
    const source = await readFile(path, 'utf8');
    for (const paragraph of document.paragraphs) {
      assert.equal(source.slice(paragraph.start, paragraph.end), paragraph.text);
    }
    assert.equal(document.paragraphs.length, 7);
  });
});

describe('paragraph rules', () => {
  it('joins hard-wrapped lines of a block but starts a new paragraph at a bullet', async () => {
    const dir = await tempDir();
    const text = [
      'The council voted on Tuesday to approve the new budget after a long debate',
      'that ran well past midnight, according to the city clerk who kept the minutes.',
      '',
      '"We did what we had to do," said Mayor Ana Ortiz, who had pushed for the cuts',
      'since the spring, when revenue forecasts first began to fall short of targets.',
      '- The vote was 5 to 2, with two members absent for the final count of the evening.',
      '',
    ].join('\n');
    await writeFile(join(dir, 'wrapped.txt'), text);
    const document = await loadDocument(join(dir, 'wrapped.txt'));
    assert.equal(document.paragraphs.length, 3);
    assert.match(
      document.paragraphs[0]?.text ?? '',
      /^The council voted.*\nthat ran well past midnight.*minutes\.$/s,
    );
    assert.match(document.paragraphs[2]?.text ?? '', /^- The vote was 5 to 2/);
    for (const paragraph of document.paragraphs)
      assert.equal(text.slice(paragraph.start, paragraph.end), paragraph.text);
  });

  it('reads HTML through a parser: entities decoded, scripts and navigation dropped, metadata kept', async () => {
    const dir = await tempDir();
    const html = `<!doctype html><html><head><title>Council &amp; budget</title>
      <link rel="canonical" href="https://example.org/council"><meta property="og:site_name" content="City Times">
      <script>var tracking = "do not index";</script></head>
      <body><nav>Home | News</nav><article><h1>Budget passes</h1>
      <p>&ldquo;We did what we had to do,&rdquo; said Mayor Ana Ortiz.</p><p>The vote was 5&ndash;2.</p></article></body></html>`;
    await writeFile(join(dir, 'page.html'), html);
    const document = await loadDocument(join(dir, 'page.html'));
    assert.deepEqual(
      document.paragraphs.map((paragraph) => paragraph.text),
      ['Budget passes', '“We did what we had to do,” said Mayor Ana Ortiz.', 'The vote was 5–2.'],
    );
    assert.equal(document.meta.title, 'Council & budget');
    assert.equal(document.meta.url, 'https://example.org/council');
    assert.equal(document.meta.publisher, 'City Times');
  });
});

describe('malformed files', () => {
  it('reports each bad file with its path and reason and still loads the good ones', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'good.md'), '---\ntitle: Good\n---\nA paragraph that is fine.\n');
    await writeFile(join(dir, 'bad-yaml.md'), '---\ntitle: "unclosed\n  : [\n---\nBody.\n');
    await writeFile(join(dir, 'unclosed.md'), '---\ntitle: Never closed\nBody text.\n');
    await writeFile(join(dir, 'binary.txt'), Buffer.from([0x47, 0x49, 0x46, 0x00, 0x01, 0x02]));
    await writeFile(join(dir, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0xff, 0xfe]));
    await writeFile(join(dir, 'empty.txt'), '');
    await writeFile(join(dir, 'only-front-matter.md'), '---\ntitle: Nothing else\n---\n\n');
    await writeFile(join(dir, 'huge.txt'), 'word '.repeat(400));
    await writeFile(join(dir, 'image.png'), 'not really an image');
    await symlink(join(dir, 'missing-target.txt'), join(dir, 'dangling.txt'));
    const { documents, problems } = await loadCorpus({ dir, maxBytes: 1000 });
    assert.deepEqual(
      documents.map((document) => document.meta.title),
      ['Good'],
    );
    const reasons = Object.fromEntries(
      problems.map((problem) => [problem.path.slice(dir.length + 1), problem.reason]),
    );
    assert.match(reasons['bad-yaml.md'] ?? '', /front matter is not valid YAML/);
    assert.match(reasons['unclosed.md'] ?? '', /never closed/);
    assert.match(reasons['binary.txt'] ?? '', /binary/);
    assert.match(reasons['latin1.txt'] ?? '', /not valid UTF-8/);
    assert.match(reasons['empty.txt'] ?? '', /empty/);
    assert.match(reasons['only-front-matter.md'] ?? '', /no text/);
    assert.match(reasons['huge.txt'] ?? '', /too large/);
    assert.match(reasons['image.png'] ?? '', /unsupported file type/);
    assert.match(reasons['dangling.txt'] ?? '', /unreadable/);
    assert.equal(problems.length, 9);
  });

  it('names the folder when the corpus does not exist', async () => {
    await assert.rejects(loadCorpus({ dir: 'no-such-folder' }), (error: Error & { code?: string }) => {
      assert.equal(error.code, 'CORPUS_NOT_FOUND');
      assert.match(error.message, /no-such-folder/);
      return true;
    });
  });
});

describe('paragraph rule edge cases', () => {
  it('keeps one-line news paragraphs of terminal width apart', async () => {
    const dir = await tempDir();
    const text = [
      '---',
      'title: Short lines',
      '---',
      'The council approved the budget on Tuesday after a long debate.',
      '"We did what we had to do," said Mayor Ana Ortiz at the meeting.',
      'Critics said the cuts would fall hardest on the city libraries.',
      'The vote was 5 to 2, with two members absent from the session.',
      '',
    ].join('\n');
    await writeFile(join(dir, 'short-lines.md'), text);
    const document = await loadDocument(join(dir, 'short-lines.md'));
    assert.equal(document.paragraphs.length, 4);
  });

  it('keeps each HTML block element its own paragraph, however short', async () => {
    const dir = await tempDir();
    await writeFile(
      join(dir, 'short.html'),
      '<html><body><p>The council approved the budget on Tuesday evening after a debate</p><p>and the mayor thanked the members of the finance committee for it</p></body></html>',
    );
    const document = await loadDocument(join(dir, 'short.html'));
    assert.equal(document.paragraphs.length, 2);
  });

  describe('folders', () => {
    it('follows symbolic links to folders, reading each real folder once, so a loop ends', async () => {
      const root = await tempDir();
      const dir = join(root, 'corpus');
      const elsewhere = join(root, 'elsewhere');
      await mkdir(dir);
      await mkdir(elsewhere);
      await writeFile(join(dir, 'a.md'), '---\ntitle: A\n---\nFirst document.\n');
      await writeFile(join(elsewhere, 'b.md'), '---\ntitle: B\n---\nSecond document.\n');
      await symlink(elsewhere, join(dir, 'linked'));
      await symlink(dir, join(elsewhere, 'back-to-corpus'));
      const { documents, problems } = await loadCorpus({ dir });
      assert.deepEqual(documents.map((document) => document.meta.title).sort(), ['A', 'B']);
      assert.deepEqual(problems, []);
    });
  });
});
