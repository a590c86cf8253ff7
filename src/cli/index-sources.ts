import type { Config } from '../config.js';

/** The folders an index is built from and where it is kept, as the configuration gives them. */
export function indexSources(config: Config) {
  return {
    corpusDir: config.corpusDir,
    fetchedDir: config.fetchedDir,
    indexDir: config.indexDir,
    collectionsDir: config.collectionsDir,
    maxBytes: config.maxFileBytes,
  };
}
