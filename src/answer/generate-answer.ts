import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { neutralizeTags } from '../llm/data-block.js';
import { type PromptTemplate, renderUserPrompt } from '../llm/prompt-template.js';
import type { Quote } from '../quotes/types.js';
import { formatPassages } from './passages-prompt.js';
import type { Removal, VerifyContext } from './types.js';
import { splitAnswerSentences, verifySentence } from './verify-answer.js';

/** What generation needs: a chat model, the answer prompt, and an overall deadline. */
export interface AnswerGenerator {
  model: BaseChatModel;
  prompt: PromptTemplate;
  timeoutMs: number;
}

export interface GeneratedAnswer {
  /** Verified sentences, in order. */
  sentences: string[];
  cited: number[];
  quotes: { n: number; quote: Quote }[];
  removed: Removal[];
  /** The model said the passages do not answer the question. */
  abstained: boolean;
}

/** The model's way of saying the passages do not answer (see prompts/answer.md). */
const NOT_IN_DOCUMENTS = 'NOT_IN_DOCUMENTS';

/**
 * Asks the model for an answer grounded in the numbered passages and verifies it sentence by sentence.
 * With `onText`, the answer is streamed: each sentence is passed on as soon as it is complete AND
 * verified, so a reader never sees text that was later removed.
 */
export async function generateAnswer(
  generator: AnswerGenerator,
  question: string,
  context: VerifyContext,
  onText?: (text: string) => Promise<void>,
): Promise<GeneratedAnswer> {
  // Plain [role, text] pairs, which langchain turns into messages itself: no runtime import of
  // @langchain/core outside the model factory, so an offline process never loads it.
  const messages: [string, string][] = [
    ['system', generator.prompt.system],
    [
      'human',
      renderUserPrompt(generator.prompt, {
        question: neutralizeTags(question),
        passages: formatPassages(context.passages),
      }),
    ],
  ];
  const result: GeneratedAnswer = { sentences: [], cited: [], quotes: [], removed: [], abstained: false };
  const accept = async (sentence: string) => {
    if (sentence.includes(NOT_IN_DOCUMENTS)) return;
    const verified = verifySentence(sentence, context);
    result.removed.push(...verified.removed);
    if (verified.text === null) return;
    result.sentences.push(verified.text);
    result.quotes.push(...verified.quotes);
    for (const n of verified.cited) if (!result.cited.includes(n)) result.cited.push(n);
    await onText?.(`${result.sentences.length > 1 ? ' ' : ''}${verified.text}`);
  };
  const signal = AbortSignal.timeout(generator.timeoutMs);
  let text = '';
  if (onText) {
    let accepted = 0;
    for await (const chunk of await generator.model.stream(messages, { signal })) {
      text += chunkText(chunk.content);
      // A sentence is complete once the next one has begun (its citation markers may still be arriving).
      const sentences = splitAnswerSentences(text);
      const complete = /^[\p{L}"“‘']/u.test(sentences.at(-1) ?? '') ? sentences.length - 1 : accepted;
      for (; accepted < complete; accepted++) await accept(sentences[accepted] ?? '');
    }
    const sentences = splitAnswerSentences(text);
    for (; accepted < sentences.length; accepted++) await accept(sentences[accepted] ?? '');
  } else {
    text = chunkText((await generator.model.invoke(messages, { signal })).content);
    for (const sentence of splitAnswerSentences(text)) await accept(sentence);
  }
  result.abstained =
    text.trim().startsWith(NOT_IN_DOCUMENTS) ||
    (result.sentences.length === 0 && text.includes(NOT_IN_DOCUMENTS));
  return result;
}

function chunkText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((part) => (typeof part === 'object' && part && 'text' in part ? String(part.text) : ''))
      .join('');
  }
  return '';
}
