import type { IndexParts } from './index-store.js';

/**
 * How a generation read in a worker thread (load-worker.ts) reaches the bot's thread: the vectors as
 * one transferred buffer (no copy), everything else in pieces of at most PIECE_ITEMS array items or
 * object keys and about PIECE_CHARACTERS of JSON. The receiving thread asks for each piece when it is
 * done with the previous one, so it deserializes one piece per turn of its event loop and requests
 * that arrive meanwhile are served in between: the longest pause a swap causes is one piece, whatever
 * the size of the index. A single message (or JSON.parse) of a 100,000-paragraph generation paused
 * the bot for seconds; so did a piece of a thousand whole documents (each holds its paragraphs and
 * quotes), hence the size bound. An item larger than the bound travels alone: items are not cut.
 */
export const PIECE_ITEMS = 1_000;
const PIECE_CHARACTERS = 256 * 1024;

/** The big collections of a generation, by where they go in IndexParts. */
type Collection =
  | 'documents'
  | 'chunks'
  | 'lexical.index'
  | 'lexical.documentIds'
  | 'lexical.fieldLength'
  | 'lexical.storedFields'
  | 'documentFrequency';

export type Piece = { collection: Collection; items: unknown[] } | { collection: Collection; keys: object };

/** The first message: everything small, the vectors' buffer and the number of pieces to follow. */
export interface GenerationHeader {
  parts: IndexParts;
  pieces: number;
}

/** Splits parts into a header (big collections emptied) and the pieces that refill them, in order. */
export function splitParts(parts: IndexParts): { header: IndexParts; pieces: Piece[] } {
  const { index, documentIds, fieldLength, storedFields, ...rest } = parts.lexical.index;
  const pieces: Piece[] = [
    ...arrayPieces('documents', parts.documents),
    ...arrayPieces('chunks', parts.chunks),
    ...arrayPieces('lexical.index', index),
    ...objectPieces('lexical.documentIds', documentIds),
    ...objectPieces('lexical.fieldLength', fieldLength),
    ...objectPieces('lexical.storedFields', storedFields),
    ...objectPieces('documentFrequency', parts.lexical.documentFrequency),
  ];
  const header: IndexParts = {
    ...parts,
    documents: [],
    chunks: [],
    lexical: {
      index: { ...rest, index: [], documentIds: {}, fieldLength: {}, storedFields: {} },
      documentFrequency: {},
    },
  };
  return { header, pieces };
}

/** Puts one piece back where splitParts took it from (appending, in order). */
export function addPiece(parts: IndexParts, piece: Piece): void {
  const lexical = parts.lexical.index;
  if ('items' in piece) {
    const target: unknown[] =
      piece.collection === 'documents'
        ? parts.documents
        : piece.collection === 'chunks'
          ? parts.chunks
          : lexical.index;
    for (const item of piece.items) target.push(item);
    return;
  }
  const target: object = {
    'lexical.documentIds': lexical.documentIds,
    'lexical.fieldLength': lexical.fieldLength,
    'lexical.storedFields': lexical.storedFields,
    documentFrequency: parts.lexical.documentFrequency,
  }[piece.collection as Exclude<Collection, 'documents' | 'chunks' | 'lexical.index'>];
  Object.assign(target, piece.keys);
}

function arrayPieces(collection: Collection, items: readonly unknown[]): Piece[] {
  const pieces: Piece[] = [];
  let piece: unknown[] = [];
  let size = 0;
  for (const item of items) {
    // Measured here, in the worker thread: what the bot's thread will have to deserialize.
    const itemSize = JSON.stringify(item)?.length ?? 0;
    if (piece.length > 0 && (piece.length === PIECE_ITEMS || size + itemSize > PIECE_CHARACTERS)) {
      pieces.push({ collection, items: piece });
      piece = [];
      size = 0;
    }
    piece.push(item);
    size += itemSize;
  }
  if (piece.length > 0) pieces.push({ collection, items: piece });
  return pieces;
}

function objectPieces(collection: Collection, object: Record<string, unknown>): Piece[] {
  const pieces: Piece[] = [];
  let keys: Record<string, unknown> = {};
  let count = 0;
  let size = 0;
  for (const key of Object.keys(object)) {
    const itemSize = key.length + (JSON.stringify(object[key])?.length ?? 0);
    if (count > 0 && (count === PIECE_ITEMS || size + itemSize > PIECE_CHARACTERS)) {
      pieces.push({ collection, keys });
      keys = {};
      count = 0;
      size = 0;
    }
    keys[key] = object[key];
    count += 1;
    size += itemSize;
  }
  if (count > 0) pieces.push({ collection, keys });
  return pieces;
}
