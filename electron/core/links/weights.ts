// How much a shared character pair says, learnt from the library itself: by the share of
// documents that use it. A pair in one document in a thousand is a strong sign; one that most
// documents use (组织, 领导, 实施, 指导, 思想 … the boilerplate of every plan) says nothing, so its
// weight falls to zero before it is common: no list of stock phrases, the library tells.

/**
 * Past this share of the documents a pair weighs nothing. A quarter: the closing and organising
 * sections of plans (加强组织领导, 自发布之日起施行) use pairs that a quarter to a half of the
 * seeds' policies and the bench corpus's laws share, while the pairs of a topic (绿色金融,
 * 葡语国家, 跨境电商) stay well under it in both.
 */
export const BOILERPLATE_SHARE = 0.25;

/** The weight of a pair found in `df` of `n` documents: inverse document frequency, damped. */
export function pairWeight(df: number, n: number): number {
  if (df <= 0 || n <= 0) return 0;
  const cutoff = Math.max(2, BOILERPLATE_SHARE * n);
  const damp = 1 - df / (cutoff + 1);
  return damp <= 0 ? 0 : Math.log(1 + n / df) * damp;
}

/** Document frequencies as stored: the library's document count and (code, df) pairs, ascending codes. */
export interface PairStats {
  documents: number;
  codes: Uint32Array;
  dfs: Uint32Array;
}

export function encodeStats(stats: PairStats): Buffer {
  const out = Buffer.alloc(4 + stats.codes.length * 8);
  out.writeUInt32LE(stats.documents, 0);
  Buffer.from(stats.codes.buffer, stats.codes.byteOffset, stats.codes.byteLength).copy(out, 4);
  Buffer.from(stats.dfs.buffer, stats.dfs.byteOffset, stats.dfs.byteLength).copy(out, 4 + stats.codes.byteLength);
  return out;
}

export function decodeStats(blob: Buffer): PairStats {
  const n = (blob.length - 4) / 8;
  if (!Number.isInteger(n) || n < 0) throw new Error('the stored pair statistics are damaged');
  const copy = new Uint8Array(blob.subarray(4));
  return { documents: blob.readUInt32LE(0), codes: new Uint32Array(copy.buffer, 0, n), dfs: new Uint32Array(copy.buffer, n * 4, n) };
}

/** The weight of a pair code under stored statistics (binary search; 0 for a pair never seen). */
export function weigher(stats: PairStats): (code: number) => number {
  const { codes, dfs, documents } = stats;
  return (code: number): number => {
    let lo = 0;
    let hi = codes.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = codes[mid] ?? 0;
      if (c === code) return pairWeight(dfs[mid] ?? 0, documents);
      if (c < code) lo = mid + 1;
      else hi = mid - 1;
    }
    // Never seen in the library: as rare as can be.
    return pairWeight(1, Math.max(1, documents));
  };
}
