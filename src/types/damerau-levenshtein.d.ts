/** Types for `damerau-levenshtein` (optimal string alignment distance; the package ships no types). */
declare module 'damerau-levenshtein' {
  /** Edit distance counting adjacent transpositions as one edit: `steps`. */
  export default function damerauLevenshtein(
    a: string,
    b: string,
    limit?: number,
  ): { steps: number; relative: number; similarity: number };
}
