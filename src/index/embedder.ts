import type { Config } from '../config.js';
import { LocalHashEmbeddings } from './local-embeddings.js';
import { pipelineFingerprint } from './pipeline-version.js';
import type { EmbeddingsModel } from './types.js';

/** An embeddings model plus the identity recorded in the index manifest (model changes force a rebuild). */
export interface Embedder {
  /** Provider and model (with dimensions when fixed): what queries must be embedded with. */
  id: string;
  /**
   * Everything its vectors depend on: the key of the embedding cache. A hosted model is its name; the
   * local embedder's model is its code, so its identity carries that code's fingerprint too.
   */
  identity: string;
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
      identity: `openai:${embeddingModel}`,
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
  return { id: local.id, identity: localIdentity(local.id), embeddings: local, batchSize: 512 };
}

/** The identity of a local hash embedder with this id, as the running code makes it. */
export function localIdentity(id: string): string {
  return `${id}+code:${pipelineFingerprint().localEmbeddings}`;
}
