/**
 * Passage vectors for dense retrieval: one unit-length vector per passage (row i = passage id i),
 * searched by cosine similarity (a dot product of unit vectors). A linear scan: 10k passages of
 * 768 dimensions take a few milliseconds, which is all the notes of a study team need.
 */

/** Normalizes `v` to unit length in place (a zero vector stays zero). Returns it. */
export function normalize(v: Float32Array): Float32Array {
  let sum = 0;
  for (const x of v) sum += x * x;
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let i = 0; i < v.length; i += 1) v[i] = (v[i] as number) / norm;
  return v;
}

/** Unit vectors of every passage, searched by cosine similarity. */
export class VectorIndex {
  /**
   * @param data `count × dims` floats, row-major, rows already unit length.
   * @throws Error when `data` is not `count × dims` long.
   */
  constructor(
    readonly data: Float32Array,
    readonly dims: number,
    readonly count: number,
  ) {
    if (data.length !== dims * count)
      throw new Error(`vector data has ${data.length} floats, not ${count} × ${dims}`);
  }

  /** Builds an index from one vector per passage (normalized here). @throws Error on mixed dimensions. */
  static fromVectors(vectors: readonly Float32Array[]): VectorIndex {
    const dims = vectors[0]?.length ?? 0;
    const data = new Float32Array(dims * vectors.length);
    vectors.forEach((v, i) => {
      if (v.length !== dims) throw new Error(`embedding ${i} has ${v.length} dimensions, not ${dims}`);
      data.set(normalize(Float32Array.from(v)), i * dims);
    });
    return new VectorIndex(data, dims, vectors.length);
  }

  /** Passage ids of the `k` nearest vectors to `query`, best first. Empty on a dimension mismatch. */
  nearest(query: Float32Array, k: number): number[] {
    if (query.length !== this.dims) return [];
    const q = normalize(Float32Array.from(query));
    const scores = new Float32Array(this.count);
    for (let i = 0; i < this.count; i += 1) {
      let dot = 0;
      const base = i * this.dims;
      for (let d = 0; d < this.dims; d += 1) dot += (this.data[base + d] as number) * (q[d] as number);
      scores[i] = dot;
    }
    return [...scores.keys()].sort((a, b) => (scores[b] as number) - (scores[a] as number)).slice(0, k);
  }
}
