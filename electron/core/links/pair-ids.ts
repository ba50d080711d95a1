// Pair code → dense term id, by open addressing over typed arrays: the bench corpus has some 11
// million pairs to look up, and a Map of numbers spent most of the index's build on them.

export class PairIds {
  /** Term id → pair code. */
  readonly codes: number[] = [];
  private keys = new Float64Array(1 << 16).fill(-1);
  private values = new Int32Array(1 << 16);

  /** The id of `code`, a new one (appended to `codes`) the first time it is seen. */
  idOf(code: number): number {
    const mask = this.keys.length - 1;
    for (let i = mix(code) & mask; ; i = (i + 1) & mask) {
      const k = this.keys[i] ?? -1;
      if (k === code) return this.values[i] ?? 0;
      if (k === -1) {
        const id = this.codes.length;
        this.codes.push(code);
        this.keys[i] = code;
        this.values[i] = id;
        if (this.codes.length * 2 > this.keys.length) this.grow();
        return id;
      }
    }
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Float64Array(keys.length * 2).fill(-1);
    this.values = new Int32Array(keys.length * 2);
    const mask = this.keys.length - 1;
    keys.forEach((k, j) => {
      if (k === -1) return;
      let i = mix(k) & mask;
      while ((this.keys[i] ?? -1) !== -1) i = (i + 1) & mask;
      this.keys[i] = k;
      this.values[i] = values[j] ?? 0;
    });
  }
}

/** Murmur3's finaliser: a pair code's bits spread over the table (its low bits are one character). */
function mix(code: number): number {
  let x = code | 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}
