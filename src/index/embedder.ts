import type { Config } from '../config.js';
import { LocalHashEmbeddings } from './local-embeddings.js';
import type { EmbeddingsModel } from './types.js';

/** An embeddings model plus the identity recorded in the index manifest (model changes force a rebuild). */
export interface Embedder {
  id: string;
  embeddings: EmbeddingsModel;
  /** How many texts to embed per call: progress is reported between calls. */
  batchSize: number;
}

/** The configured embedder; @langchain/openai is imported only when OpenAI embeddings are chosen. */
export async function createEmbedder(config: Pick<Config, 'embeddings' | 'openai'>): Promise<Embedder> {
  if (config.embeddings === 'openai' && config.openai) {
    const { OpenAIEmbeddings } = await import('@langchain/openai');
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
