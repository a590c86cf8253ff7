import type { BotServices } from '../bot-services.js';
import type { AnswerCatalog } from './views/answer-blocks.js';

/**
 * A role per speaker (for citations whose quote carries none) and the number of documents, for the
 * answer view. Built on first use and kept: the index is fixed while serving.
 */
export function answerCatalog(services: BotServices): () => AnswerCatalog {
  let catalog: AnswerCatalog | undefined;
  return () => {
    if (catalog) return catalog;
    const knowledge = services.knowledge();
    catalog = {
      roles: new Map(
        knowledge.speakers.flatMap((speaker) =>
          speaker.roles[0] ? [[speaker.name, speaker.roles[0]] as const] : [],
        ),
      ),
      documentCount: knowledge.documents.length,
    };
    return catalog;
  };
}
