import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { makeDocx, makeDocxBomb } from '../support/make-docx.js';
import { runWhosaid } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';

/** Seeded bytes, NUL bytes among them: the same junk on every run. */
function junk(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = 20261202;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

const SECRET = 'xoxb-hostile-secret-0000';

interface Hostile {
  corpus: string;
  /** File name in the corpus → what its warning must say. */
  refused: Record<string, RegExp>;
  /** Titles of the documents that must still be indexed. */
  indexed: string[];
}

/**
 * A corpus a hostile tester would make: every kind of broken, huge, deceptive or dangerous file next
 * to a few good ones.
 */
async function hostileCorpus(): Promise<Hostile> {
  const root = await tempDir();
  const corpus = join(root, 'corpus');
  const outside = join(root, 'outside');
  mkdirSync(corpus);
  mkdirSync(join(outside, 'visible'), { recursive: true });
  const write = (name: string, content: string | Buffer) => writeFileSync(join(corpus, name), content);
  write('good.md', '---\ntitle: Good\n---\n\n"We will finish the bridge by June," said Mayor Ana Ortiz.\n');
  write('good.docx', makeDocx(['"The budget is balanced," the treasurer, Lee Park, said on Monday.']));
  // 600 KB on one line, under the 1 MB limit set below: once quadratic, now indexed in linear time.
  write(
    'long-line.txt',
    `${'"The port will reopen," said Dana Cole. The council agreed. '.repeat(10_000)}\n`,
  );
  writeFileSync(
    join(outside, 'visible', 'linked.md'),
    '---\ntitle: Linked\n---\n\nA document in a linked folder.\n',
  );
  symlinkSync(join(outside, 'visible'), join(corpus, 'linked-folder'));
  symlinkSync(corpus, join(corpus, 'loop'));
  const refused: Record<string, RegExp> = {};
  const refuse = (name: string, content: string | Buffer | null, reason: RegExp) => {
    if (content !== null) write(name, content);
    refused[name] = reason;
  };
  refuse('bad-yaml.md', '---\ntitle: [unclosed\n---\nText.\n', /front matter is not valid YAML: [^\n]*[^:]$/);
  refuse('never-closed.md', '---\ntitle: Open\nText with no end of front matter.\n', /never closed/);
  // "Billion laughs": aliases that expand exponentially.
  const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++)
    laughs.push(
      `${'abcdefghij'[i]}: &${'abcdefghij'[i]} [${Array(9)
        .fill(`*${'abcdefghij'[i - 1]}`)
        .join(',')}]`,
    );
  refuse('yaml-bomb.md', `---\n${laughs.join('\n')}\n---\nText.\n`, /front matter is not valid YAML/);
  refuse('junk.txt', junk(50_000), /binary file|not valid UTF-8/);
  refuse('latin1.txt', Buffer.from('Caf\xe9 cr\xe8me, said the chef.', 'latin1'), /not valid UTF-8/);
  refuse('empty.txt', '', /empty/);
  refuse('front-matter-only.md', '---\ntitle: Nothing\n---\n', /no text/);
  refuse('too-large.txt', 'x'.repeat(1.5 * 1024 * 1024), /too large \(1\.5 MB; the limit is 1\.0 MB\)/);
  refuse('deep.html', `${'<div>'.repeat(60_000)}deep${'</div>'.repeat(60_000)}`, /too deeply nested/);
  refuse('bomb.docx', await makeDocxBomb(220 * 1024 * 1024), /expands to more than 200 MB/);
  refuse('broken.docx', junk(3000), /not a readable Word/);
  refuse('broken.pdf', junk(3000), /not a readable PDF/);
  refuse('unsupported.exe', junk(100), /unsupported file type/);
  symlinkSync('/dev/zero', join(corpus, 'zero.txt'));
  refuse('zero.txt', null, /not a regular file/);
  execFileSync('mkfifo', [join(corpus, 'pipe.txt')]);
  refuse('pipe.txt', null, /not a regular file/);
  symlinkSync('/proc/self/environ', join(corpus, 'environment.txt'));
  refuse('environment.txt', null, /empty/);
  writeFileSync(join(outside, '.env'), `SLACK_BOT_TOKEN=${SECRET}\n`);
  symlinkSync(join(outside, '.env'), join(corpus, 'notes.txt'));
  refuse('notes.txt', null, /symbolic link to a hidden file .*\.env/);
  symlinkSync(join(root, 'missing.md'), join(corpus, 'dangling.md'));
  refuse('dangling.md', null, /unreadable \(ENOENT\)/);
  return { corpus, refused, indexed: ['Good', 'good', 'long-line', 'Linked'] };
}

describe('a hostile corpus', () => {
  it('reports every bad file with its path and reason, on one line each, and indexes the rest', {
    timeout: 120_000,
  }, async () => {
    const { corpus, refused, indexed } = await hostileCorpus();
    const indexDir = join(await tempDir(), 'index');
    const env = { WHOSAID_INDEX_DIR: indexDir, WHOSAID_MAX_FILE_MB: '1', ...secretInEnvironment() };
    const run = await runWhosaid(['ingest', '--corpus', corpus, '--json'], env);
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as {
      problems: { path: string; reason: string }[];
      documents: number;
    };
    const warnings = run.stderr.split('\n').filter((line) => line.startsWith('warning: skipped '));
    for (const [name, reason] of Object.entries(refused)) {
      const problem = report.problems.find((p) => p.path === join(corpus, name));
      assert.ok(problem, `${name} is reported (problems: ${report.problems.map((p) => p.path).join(', ')})`);
      assert.match(problem.reason, reason, name);
      assert.ok(
        warnings.some((line) => line.startsWith(`warning: skipped ${join(corpus, name)}: `)),
        `a warning names ${name}`,
      );
    }
    assert.equal(
      report.problems.length,
      Object.keys(refused).length,
      JSON.stringify(report.problems, null, 1),
    );
    assert.equal(report.documents, indexed.length);
    const titles = (
      JSON.parse(readFileSync(join(indexDir, 'documents.json'), 'utf8')) as { meta: { title: string } }[]
    )
      .map((document) => document.meta.title)
      .sort();
    assert.deepEqual(titles, [...indexed].sort());
    // Nothing of the linked secret, nor of this process's environment, reached the index.
    for (const file of ['documents.json', 'chunks.json', 'bm25.json'])
      assert.ok(!readFileSync(join(indexDir, file), 'utf8').includes(SECRET), file);
    // The index answers questions about the good documents.
    const ask = await runWhosaid(
      ['ask', 'When will the bridge be finished?', '--corpus', corpus, '--json'],
      env,
    );
    assert.equal(ask.status, 0, ask.stderr);
    assert.match(ask.stdout, /June/);
  });

  it('reports a file it is not allowed to read, and indexes the rest', { timeout: 120_000 }, async () => {
    const root = await tempDir();
    const corpus = join(root, 'corpus');
    mkdirSync(corpus);
    writeFileSync(
      join(corpus, 'good.md'),
      '---\ntitle: Good\n---\n\n"We are ready," said Mayor Ana Ortiz.\n',
    );
    writeFileSync(join(corpus, 'private.md'), '---\ntitle: Private\n---\n\nNot for the bot.\n');
    chmodSync(join(corpus, 'private.md'), 0o000);
    const indexDir = join(root, 'index');
    if (process.getuid?.() !== 0) {
      const run = await runWhosaid(['ingest', '--corpus', corpus], { WHOSAID_INDEX_DIR: indexDir });
      assert.equal(run.status, 0, run.stderr);
      assert.match(
        run.stderr,
        new RegExp(`warning: skipped ${join(corpus, 'private.md')}: unreadable \\(EACCES\\)`),
      );
      return;
    }
    // Root reads every file whatever its mode: the ingest runs as an unprivileged user instead.
    chmodSync(root, 0o777);
    const child = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'test/support/index-writer.ts', corpus, indexDir],
      {
        uid: 65534,
        gid: 65534,
        encoding: 'utf8',
        timeout: 120_000,
        env: { ...process.env, HOME: root },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    assert.match(child, new RegExp(`skipped ${join(corpus, 'private.md')}: unreadable \\(EACCES\\)`));
    assert.match(child, /done 1\b/);
  });
});

/** The secret in this process's environment too, so /proc/self/environ would hold it. */
function secretInEnvironment(): Record<string, string> {
  process.env.WHOSAID_HOSTILE_TEST_SECRET = SECRET;
  return {};
}
