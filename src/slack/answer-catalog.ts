import type { BotServices } from '../bot-services.js';
import { scopeKey } from '../collections/scope.js';
import type { AnswerCatalog } from './views/answer-blocks.js';

/** Catalogs kept at most: one per scope (channel binding) asked from. */
const MAX_CATALOGS = 64;

/**
 * A role per speaker (for citations whose quote carries none) and the number of documents, for the
 * answer view, as the services' scope sees them (a channel never learns how many documents other
 * collections hold). Built on first use per scope and kept.
 */
export function answerCatalog(): (services: BotServices) => AnswerCatalog {
  const catalogs = new Map<string, AnswerCatalog>();
  return (services) => {
    const key = services.scope ? scopeKey(services.scope) : '*';
    const found = catalogs.get(key);
    if (found) return found;
    const knowledge = services.knowledge();
    const catalog: AnswerCatalog = {
      roles: new Map(
        knowledge.speakers.flatMap((speaker) =>
          speaker.roles[0] ? [[speaker.name, speaker.roles[0]] as const] : [],
        ),
      ),
      documentCount: knowledge.documents.length,
    };
    if (catalogs.size >= MAX_CATALOGS) catalogs.delete(catalogs.keys().next().value ?? '');
    catalogs.set(key, catalog);
    return catalog;
  };
}
