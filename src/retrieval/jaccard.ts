/**
 * Jaccard similarity of two term sets: how much two texts say alike, used to spot near-duplicate
 * quiz questions (quiz/near-duplicates.ts) and to keep a model's passages from repeating each
 * other (answer/diverse-passages.ts).
 */

/** Shared members over all members (0..1); 0 when both sets are empty. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let both = 0;
  for (const t of a) if (b.has(t)) both++;
  const union = a.size + b.size - both;
  return union === 0 ? 0 : both / union;
}
