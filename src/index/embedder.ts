import type { Embeddings } from '@langchain/core/embeddings';
import { OpenAIEmbeddings } from '@langchain/openai';
import type { Config } from '../config.js';
import { LocalHashEmbeddings } from './local-embeddings.js';

/** An embeddings model plus the identity recorded in the index manifest (model changes force a rebuild). */
export interface Embedder {
  id: string;
  embeddings: Embeddings;
  /** How many texts to embed per call: progress is reported between calls. */
  batchSize: number;
}

export function createEmbedder(config: Pick<Config, 'embeddings' | 'openai'>): Embedder {
  if (config.embeddings === 'openai' && config.openai) {
    const { apiKey, baseURL, embeddingModel, timeoutMs, maxRetries } = config.openai;
    return {
      id: `openai:${embeddingModel}`,
      embeddings: new OpenAIEmbeddings({
        apiKey,
        model: embeddingModel,
        timeout: timeoutMs,
        maxRetries,
        configuration: { baseURL },
      }),
      batchSize: 256,
    };
  }
  const local = new LocalHashEmbeddings();
  return { id: local.id, embeddings: local, batchSize: 512 };
}
