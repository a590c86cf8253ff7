import { describeError } from '../errors.js';
import { generateSummary, type SummaryGenerator } from './generate-summary.js';
import { summarizeThread } from './summarize-thread.js';
import type { SummarizeInput, ThreadSummary } from './types.js';

/** The generated summary when a model is configured and answers usably; the extractive one otherwise. */
export async function summarize(
  input: SummarizeInput,
  generator?: SummaryGenerator | null,
): Promise<ThreadSummary> {
  if (!generator) return summarizeThread(input);
  try {
    return await generateSummary(generator, input);
  } catch (error) {
    const extractive = summarizeThread(input);
    const reason = /abort|timed? ?out/i.test(describeError(error))
      ? 'did not answer in time'
      : 'failed or replied unusably';
    return { ...extractive, notes: [`The language model ${reason}; this summary is extractive.`] };
  }
}
