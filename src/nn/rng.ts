/**
 * Seeded pseudo-random numbers for initialisation, shuffling, dropout masks, noise and `z`.
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
