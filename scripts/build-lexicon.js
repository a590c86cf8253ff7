#!/usr/bin/env node
// Writes data/lexicon.json: compromise's word lexicon (word → part-of-speech and name tags), grouped by
// tag set. whosaid only ever looks words up in it (is this a first name, of which gender; an ordinary
// word; an infinitive), and loading compromise itself costs ~250 ms per command, so a snapshot of the
// lexicon is read instead. test/text/word-lexicon.test.ts fails when the snapshot no longer matches the
// installed compromise: run `node scripts/build-lexicon.js` after upgrading it.
import { writeFileSync } from 'node:fs';
import nlp from 'compromise';

const lexicon = nlp.model().one.lexicon;
const byTags = {};
for (const word of Object.keys(lexicon).sort()) {
  const value = lexicon[word];
  const tags = (Array.isArray(value) ? value : [value]).join(',');
  byTags[tags] ??= [];
  byTags[tags].push(word);
}
const { version } = JSON.parse(
  (await import('node:fs')).readFileSync(
    new URL('../node_modules/compromise/package.json', import.meta.url),
    'utf8',
  ),
);
writeFileSync(
  new URL('../data/lexicon.json', import.meta.url),
  `${JSON.stringify({ source: `compromise@${version}`, byTags })}\n`,
);
