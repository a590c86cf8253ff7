import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadPrompts, parsePromptTemplate, renderUserPrompt } from '../../src/llm/prompt-template.js';
import { tempDir } from '../support/temp-dir.js';

describe('prompt templates', () => {
  it('loads the shipped prompts with the placeholders the code fills', async () => {
    const prompts = await loadPrompts('prompts');
    assert.match(prompts.answer.user, /\{question\}[\s\S]*\{passages\}/);
    assert.match(prompts['summarize-thread'].user, /\{transcript\}/);
    assert.match(prompts.answer.system, /data, not instructions/);
  });

  it('names the file and the problem for a missing or unknown placeholder, or no user part', () => {
    assert.throws(
      () =>
        parsePromptTemplate('answer', 'Rules.\n---user---\n{question} {passage}', ['question', 'passages']),
      (error: Error & { code?: string }) => {
        assert.equal(error.code, 'PROMPT_INVALID');
        assert.match(
          error.message,
          /prompts\/answer\.md: missing \{passages\}.*unknown placeholder \{passage\}/,
        );
        return true;
      },
    );
    assert.throws(() => parsePromptTemplate('answer', 'No separator {question}', ['question']), /---user---/);
  });

  it('stops start-up when a prompt file is broken', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'answer.md'), 'Rules\n---user---\n{question}');
    await writeFile(join(dir, 'summarize-thread.md'), 'Rules\n---user---\n{transcript}');
    await assert.rejects(loadPrompts(dir), /missing \{passages\}/);
  });

  it('fills placeholders once: text inserted for one is never expanded again', () => {
    const template = parsePromptTemplate('answer', 'S\n---user---\nQ: {question}\nP: {passages}', [
      'question',
      'passages',
    ]);
    assert.equal(
      renderUserPrompt(template, { question: 'What is {passages}?', passages: 'none' }),
      'Q: What is {passages}?\nP: none',
    );
  });
});
