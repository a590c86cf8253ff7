import type { Command } from 'commander';
import { ask } from '../../answer/ask.js';
import { WhosaidError } from '../../errors.js';
import { createGeneration } from '../../llm/generation.js';
import { answerToJson, answerToText } from '../format-answer.js';
import { runAction } from '../run-action.js';
import { type CorpusFlags, configFor, openSearchContext } from '../runtime.js';

interface AskFlags extends CorpusFlags {
  json?: boolean;
  k?: string;
}

export function registerAsk(program: Command): void {
  program
    .command('ask')
    .description('answer a question from the documents, with cited passages and who said what')
    .argument('<question>', 'the question, in quotes')
    .option('--json', 'print the answer as JSON (see the README for the shape)')
    .option('-k, --k <n>', 'how many passages to retrieve and cite (default: WHOSAID_TOP_K or 5)')
    .option('--corpus <dir>', 'corpus folder (default: WHOSAID_CORPUS_DIR or ./corpus of the project)')
    .option('--index <dir>', 'index folder (default: WHOSAID_INDEX_DIR or .whosaid/ of the project)')
    .addHelpText('after', '\nExample:\n  $ whosaid ask "Who warned about relying on one provider?"\n')
    .action(
      runAction(async (question: string, flags: AskFlags) => {
        if (!question.trim()) throw new WhosaidError('INPUT_INVALID', 'The question is empty.');
        const config = configFor(flags);
        const k = flags.k === undefined ? config.topK : Number(flags.k);
        if (!Number.isInteger(k) || k < 1 || k > 50) {
          throw new WhosaidError(
            'INPUT_INVALID',
            `-k must be a whole number from 1 to 50 (got "${flags.k}").`,
          );
        }
        const generation = await createGeneration(config);
        const context = await openSearchContext(config);
        const answer = await ask(context, { question, k, generator: generation?.answer });
        process.stdout.write(
          flags.json ? `${JSON.stringify(answerToJson(answer), null, 2)}\n` : answerToText(answer),
        );
      }),
    );
}
