import { type Embedder, localIdentity } from '../../src/index/embedder.js';
import { LocalHashEmbeddings } from '../../src/index/local-embeddings.js';

/** The real local embedder, counting how many texts it was asked to embed (to prove reuse). */
export function countingEmbedder(): Embedder & { embeddedTexts: string[] } {
  const local = new LocalHashEmbeddings();
  const embeddedTexts: string[] = [];
  const original = local.embedDocuments.bind(local);
  local.embedDocuments = async (texts: string[]) => {
    embeddedTexts.push(...texts);
    return original(texts);
  };
  return { id: local.id, identity: localIdentity(local.id), embeddings: local, batchSize: 8, embeddedTexts };
}
