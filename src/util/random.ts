/**
 * The package's seeded random numbers, in one module. Two algorithms remain, on purpose: every published number
 * (ADAN weights, augmented rows, CV folds, report figures) was produced by one of them, and replacing either would
 * change those results. Same seed and inputs give bit-identical streams on every platform.
 * - `Rng` (xoshiro128**, named streams via fork): the network engine's weights, batches, dropout masks, noise and
 *   `z`, and the DNN classifier; its state is saved in checkpoints.
 * - `SeededRandom` (mulberry32) and the `seededRandom` function: augmenters, speaker normalisation, report figures,
 *   embeddings and CV folds.
 */

/** mulberry32: small and fast; augmenters, report figures, embeddings and CV folds draw from it. */
export class SeededRandom {
  private state: number;
  private spare: number | null = null;

  constructor(seed: number) {
    this.state = (seed >>> 0) ^ 0x9e3779b9;
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Standard normal (Box-Muller, both branches: the sine one is kept for the next call). */
  normal(): number {
    if (this.spare !== null) {
      const s = this.spare;
      this.spare = null;
      return s;
    }
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  /** Fisher-Yates shuffle in place. */
  shuffle(a: number[]): number[] {
    for (let i = a.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  }
}

/** The generator as a uniform function in [0, 1) (seed floored first: same seed, same figures and same CV folds). */
export function seededRandom(seed: number): () => number {
  const r = new SeededRandom(Math.floor(seed));
  return () => r.next();
}

/** Standard normal draws (Box-Muller, cosine branch only) from a uniform generator. */
export function gaussian(rand: () => number): () => number {
  return () => {
    const u = Math.max(rand(), 1e-300);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
  };
}

/** Fisher-Yates shuffle of 0..n-1. */
export function permutation(n: number, rand: () => number): number[] {
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [p[i], p[j]] = [p[j], p[i]];
  }
  return p;
}

/**
 * xoshiro128** with named streams: the network engine's initialisation, shuffling, dropout masks, noise and `z`.
 *
 * Algorithm (documented so runs can be reproduced elsewhere):
 * - generator: xoshiro128** (Blackman & Vigna 2018), 4 x 32-bit state words;
 * - seeding: the 32-bit seed is expanded to the 4 state words by splitmix32
 *   (z += 0x9e3779b9; z = (z ^ z>>>16) * 0x85ebca6b; z = (z ^ z>>>13) * 0xc2b2ae35; z ^= z>>>16);
 * - uniform(): 53-bit double in [0,1) from two outputs ((a>>>5) * 2^26 + (b>>>6)) / 2^53;
 * - normal(): Box-Muller, cos branch only, from u1 = 1 - uniform() (in (0,1]) and u2 = uniform() (no cached spare,
 *   so the state is just the 4 words);
 * - int(n): unbiased, rejection of the top partial range of uint32;
 * - fork(stream): a child generator seeded by splitmix32 over the parent's current state words mixed with a
 *   32-bit FNV-1a hash of the stream name; the parent does not advance, so fork('x') is a stable named stream.
 */
export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(seed: number) {
    if (!Number.isFinite(seed)) throw new Error(`Rng: seed must be a finite number, got ${seed}`);
    let z = Math.trunc(seed) >>> 0;
    const next = (): number => {
      z = (z + 0x9e3779b9) >>> 0;
      let t = z;
      t = Math.imul(t ^ (t >>> 16), 0x85ebca6b);
      t = Math.imul(t ^ (t >>> 13), 0xc2b2ae35);
      return (t ^ (t >>> 16)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1; // xoshiro must not start from all zeros
  }

  /** Next 32-bit unsigned integer (xoshiro128**). */
  uint32(): number {
    const s0 = this.s0,
      s1 = this.s1,
      s2 = this.s2,
      s3 = this.s3;
    const x = Math.imul(s1, 5);
    const result = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
    const t = s1 << 9;
    let n2 = s2 ^ s0;
    let n3 = s3 ^ s1;
    const n1 = s1 ^ n2;
    const n0 = s0 ^ n3;
    n2 ^= t;
    n3 = (n3 << 11) | (n3 >>> 21);
    this.s0 = n0 | 0;
    this.s1 = n1 | 0;
    this.s2 = n2 | 0;
    this.s3 = n3 | 0;
    return result;
  }

  /** Uniform double in [0, 1) with 53 random bits. */
  uniform(): number {
    const a = this.uint32() >>> 5;
    const b = this.uint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** Standard normal (Box-Muller). */
  normal(): number {
    const u1 = 1 - this.uniform();
    const u2 = this.uniform();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  fillNormal(a: Float32Array, mean = 0, std = 1): void {
    for (let i = 0; i < a.length; i++) a[i] = mean + std * this.normal();
  }

  fillUniform(a: Float32Array, lo: number, hi: number): void {
    const w = hi - lo;
    for (let i = 0; i < a.length; i++) a[i] = lo + w * this.uniform();
  }

  /** Uniform integer in [0, n), unbiased; n must be a positive integer <= 2^32. */
  int(n: number): number {
    if (!(n > 0 && n <= 4294967296 && Number.isInteger(n))) throw new Error(`Rng.int: n must be an integer in [1, 2^32], got ${n}`);
    const limit = 4294967296 - (4294967296 % n); // accept u < limit, so every residue is equally likely
    for (;;) {
      const u = this.uint32();
      if (u < limit) return u % n;
    }
  }

  /** In-place Fisher-Yates shuffle. */
  shuffle<T>(a: T[] | Int32Array): void {
    for (let i = a.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /** A random permutation of 0..n-1. */
  permutation(n: number): Int32Array {
    const p = new Int32Array(n);
    for (let i = 0; i < n; i++) p[i] = i;
    this.shuffle(p);
    return p;
  }

  /** An independent child stream named `stream`; does not advance this generator. */
  fork(stream: string | number): Rng {
    const name = String(stream);
    let h = 0x811c9dc5;
    for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
    const child = new Rng(0);
    let z = (h ^ this.s0) >>> 0;
    const mix = (v: number): number => {
      z = (z + 0x9e3779b9 + v) >>> 0;
      let t = z;
      t = Math.imul(t ^ (t >>> 16), 0x85ebca6b);
      t = Math.imul(t ^ (t >>> 13), 0xc2b2ae35);
      return (t ^ (t >>> 16)) >>> 0;
    };
    const w = [mix(this.s1), mix(this.s2), mix(this.s3), mix(h)];
    child.setState(w);
    return child;
  }

  /** The 4 state words (for checkpoints). */
  getState(): number[] {
    return [this.s0 >>> 0, this.s1 >>> 0, this.s2 >>> 0, this.s3 >>> 0];
  }

  static fromState(s: number[]): Rng {
    const r = new Rng(0);
    r.setState(s);
    return r;
  }

  private setState(s: number[]): void {
    if (s.length !== 4 || s.some((v) => !Number.isInteger(v))) throw new Error('Rng.fromState: expected 4 integer state words');
    this.s0 = s[0] | 0;
    this.s1 = s[1] | 0;
    this.s2 = s[2] | 0;
    this.s3 = s[3] | 0;
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }
}
