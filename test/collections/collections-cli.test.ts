import assert from 'node:assert/strict';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { folderOf, LEGAL_FACT, SPORTS_FACT } from '../support/collection-fixtures.js';
import { runWhosaid } from '../support/run-cli.js';
import { bundledIndexCopy } from '../support/shared-index.js';

interface Citation {
  doc: string;
}
interface AskJson {
  answer: string;
  abstained: boolean;
  citations: Citation[];
  closest: Citation[];
}

describe('collections on the command line', () => {
  let env: Record<string, string>;
  let legalFolder: string;
  let indexDir: string;

  before(async () => {
    indexDir = await bundledIndexCopy();
    env = { WHOSAID_INDEX_DIR: indexDir };
    legalFolder = await folderOf([LEGAL_FACT]);
    const sportsFolder = await folderOf([SPORTS_FACT]);
    const legal = await runWhosaid(['ingest', legalFolder, '--collection', 'legal'], env);
    assert.equal(legal.status, 0, legal.stderr);
    assert.match(legal.stdout, /collection legal: reads the folder /);
    assert.match(legal.stdout, /collection legal: 1 document, 3 paragraphs, 1 attributed quote/);
    const sports = await runWhosaid(
      ['ingest', join(sportsFolder, 'regatta.md'), '--collection', 'sports', '--team', 'T0SPORTS1'],
      env,
    );
    assert.equal(sports.status, 0, sports.stderr);
    assert.match(sports.stdout, /collection sports: copied .*regatta\.md → /);
  });

  it('collections list gives documents, paragraphs, quotes and the last update of each', async () => {
    const run = await runWhosaid(['collections', 'list', '--json'], env);
    assert.equal(run.status, 0, run.stderr);
    const rows = JSON.parse(run.stdout) as {
      name: string;
      documents: number;
      paragraphs: number;
      quotes: number;
      updatedAt: string | null;
      team: string | null;
    }[];
    assert.deepEqual(
      rows.map((row) => row.name),
      ['legal', 'news', 'sports'],
    );
    const legal = rows.find((row) => row.name === 'legal');
    assert.equal(legal?.documents, 1);
    assert.equal(legal?.paragraphs, 3);
    assert.equal(legal?.quotes, 1);
    assert.ok(legal?.updatedAt, 'the last update is given');
    assert.equal(rows.find((row) => row.name === 'sports')?.team, 'T0SPORTS1');
    assert.ok((rows.find((row) => row.name === 'news')?.documents ?? 0) >= 5, 'the bundled corpus is news');
    const text = await runWhosaid(['collections', 'list'], env);
    assert.match(text.stdout, /^legal: 1 document, 3 paragraphs, 1 attributed quote, updated \d{4}-/m);
    assert.match(text.stdout, /^sports: .*owned by T0SPORTS1/m);
  });

  it('ask --collection answers from that collection only; another collection never learns the name', async () => {
    const question = `What did ${LEGAL_FACT.surname} say about the quitclaim?`;
    const inLegal = JSON.parse(
      (await runWhosaid(['ask', question, '--collection', 'legal', '--json'], env)).stdout,
    ) as AskJson;
    assert.equal(inLegal.abstained, false, inLegal.answer);
    assert.ok(inLegal.citations.length > 0);
    assert.ok(inLegal.citations.every((citation) => citation.doc.startsWith('legal:')));
    const run = await runWhosaid(['ask', question, '--collection', 'news,sports', '--json'], env);
    const elsewhere = JSON.parse(run.stdout) as AskJson;
    assert.equal(elsewhere.abstained, true, elsewhere.answer);
    assert.deepEqual(elsewhere.citations, []);
    assert.ok(elsewhere.closest.every((passage) => !passage.doc.startsWith('legal:')));
    assert.doesNotMatch(JSON.stringify(elsewhere), /quitclaim deed|easement|Priya/);
    // With no flag the operator reads everything, as before collections.
    const all = JSON.parse((await runWhosaid(['ask', question, '--json'], env)).stdout) as AskJson;
    assert.equal(all.abstained, false);
  });

  it('bundled answers are unchanged under --collection news', async () => {
    const question = 'Who warned about relying on one provider?';
    const scoped = (await runWhosaid(['ask', question, '--collection', 'news', '--json'], env)).stdout;
    const before = JSON.parse(scoped) as AskJson;
    assert.equal(before.abstained, false);
    assert.ok(before.citations.every((citation) => citation.doc.startsWith('corpus/')));
  });

  it('quotes --speaker and check see only the collections asked for', async () => {
    const found = await runWhosaid(
      ['quotes', '--speaker', LEGAL_FACT.surname, '--collection', 'legal', '--json'],
      env,
    );
    assert.equal((JSON.parse(found.stdout) as unknown[]).length, 1);
    const hidden = await runWhosaid(
      ['quotes', '--speaker', LEGAL_FACT.surname, '--collection', 'news', '--json'],
      env,
    );
    assert.deepEqual(JSON.parse(hidden.stdout), []);
    const check = await runWhosaid(['check', LEGAL_FACT.quote, '--collection', 'sports', '--json'], env);
    const verdict = JSON.parse(check.stdout) as {
      verdict: string;
      citations: Citation[];
      closest: Citation[];
    };
    assert.equal(verdict.verdict, 'not_found');
    assert.ok(
      [...verdict.citations, ...verdict.closest].every((passage) => !passage.doc.startsWith('legal:')),
    );
    const checked = await runWhosaid(['check', LEGAL_FACT.quote, '--collection', 'legal', '--json'], env);
    assert.equal((JSON.parse(checked.stdout) as { verdict: string }).verdict, 'verbatim');
  });

  it('document-level answers list only the collections asked for', async () => {
    const listed = JSON.parse(
      (await runWhosaid(['ask', 'List the documents', '--collection', 'sports', '--json'], env)).stdout,
    ) as AskJson;
    assert.ok(listed.citations.length === 1, listed.answer);
    assert.match(listed.citations[0]?.doc ?? '', /^sports:/);
  });

  it('channels bind checks what the installation may read; channels list shows the bindings', async () => {
    const refused = await runWhosaid(['channels', 'bind', 'C0SPORT01', 'sports'], env);
    assert.equal(refused.status, 1);
    assert.match(
      refused.stderr,
      /No collection "sports" here/,
      'owned by a team: only that team may bind it',
    );
    const bound = await runWhosaid(
      ['channels', 'bind', 'C0SPORT01', 'sports', 'news', '--team', 'T0SPORTS1'],
      env,
    );
    assert.equal(bound.status, 0, bound.stderr);
    assert.equal(
      bound.stdout,
      'C0SPORT01 (team T0SPORTS1) reads sports, news; links added there go into sports.\n',
    );
    const dm = await runWhosaid(['channels', 'bind', 'D0ASKER01', 'legal'], env);
    assert.match(dm.stderr, /not a channel id/);
    const listed = JSON.parse((await runWhosaid(['channels', 'list', '--json'], env)).stdout) as {
      defaults: string[];
      bindings: { team: string | null; channel: string; collections: string[] }[];
    };
    assert.deepEqual(listed, {
      defaults: ['news'],
      bindings: [{ team: 'T0SPORTS1', channel: 'C0SPORT01', collections: ['sports', 'news'] }],
    });
    const unbound = await runWhosaid(
      ['channels', 'bind', 'C0SPORT01', 'default', '--team', 'T0SPORTS1'],
      env,
    );
    assert.match(unbound.stdout, /reads the default collections: news/);
    assert.match(
      (await runWhosaid(['channels', 'list'], env)).stdout,
      /^Unbound channels and DMs read: news\.$/m,
    );
  });

  it('an unknown collection is an error that says where the names are', async () => {
    const run = await runWhosaid(['ask', 'Who said it?', '--collection', 'legl'], env);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /No collection "legl".*collections list/);
  });

  it('collections remove deletes only what whosaid stored, and the index forgets the collection', async () => {
    const news = await runWhosaid(['collections', 'remove', 'news'], env);
    assert.equal(news.status, 1);
    assert.match(news.stderr, /never deletes/);
    const removed = await runWhosaid(['collections', 'remove', 'legal'], env);
    assert.equal(removed.status, 0, removed.stderr);
    assert.match(removed.stdout, /Left in place: /);
    assert.ok((await stat(join(legalFolder, 'quitclaim.md'))).isFile(), "the user's folder is untouched");
    const sportsCopy = await runWhosaid(['collections', 'remove', 'sports'], env);
    assert.equal(sportsCopy.status, 0, sportsCopy.stderr);
    assert.deepEqual(
      await readdir(`${indexDir}-collections`),
      ['collections.json'],
      'the copies are deleted',
    );
    const after = JSON.parse(
      (await runWhosaid(['ask', `What did ${LEGAL_FACT.surname} say about the quitclaim?`, '--json'], env))
        .stdout,
    ) as AskJson;
    assert.equal(after.abstained, true);
  });
});
