import { INDEX_FORMAT_VERSION, type IndexData } from '../../src/index/index-store.js';
import { LexicalIndex } from '../../src/index/lexical-index.js';
import { LocalHashEmbeddings } from '../../src/index/local-embeddings.js';
import type { Chunk } from '../../src/index/types.js';
import { HnswVectorIndex } from '../../src/index/vector-index.js';

/** A small but real index (hnswlib + MiniSearch) over the given texts, for store tests. */
export function smallIndex(texts: string[], builtAt = new Date().toISOString()): IndexData {
  const embeddings = new LocalHashEmbeddings();
  const chunks: Chunk[] = texts.map((text, label) => ({
    label,
    id: `test/doc.md#${label + 1}`,
    doc: 'test/doc.md',
    paragraph: label + 1,
    text,
    start: 0,
    end: text.length,
    quotes: [],
  }));
  const rows = texts.map((text) => embeddings.embedText(text));
  const vectors = new Float32Array(rows.flat());
  return {
    manifest: {
      formatVersion: INDEX_FORMAT_VERSION,
      pipeline: 'test-pipeline',
      embedder: { id: embeddings.id, dimensions: embeddings.dimensions },
      corpusDir: '/nowhere',
      builtAt,
      chunkCount: chunks.length,
      documents: { 'test/doc.md': { contentHash: 'abc', chunkCount: chunks.length } },
      problems: [],
    },
    documents: [],
    chunks,
    vectors,
    hnsw: HnswVectorIndex.build(rows, embeddings.dimensions),
    lexical: LexicalIndex.build(
      chunks.map((chunk) => ({ label: chunk.label, text: chunk.text, speakers: '', title: '' })),
    ),
  };
}
