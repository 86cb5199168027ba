/**
 * Seeds derived from (base seed, repeat, fold, component name) only, never from loop order, so a run split
 * into `--fold i --repeat j` pieces and merged gives exactly the same numbers as the whole run.
 */
export function deriveSeed(base: number, ...parts: (string | number)[]): number {
  // FNV-1a over the parts, then a murmur3 finaliser.
  let h = (2166136261 ^ (base >>> 0)) >>> 0;
  for (const p of parts) {
    const s = `|${p}`;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 16777619) >>> 0;
    }
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}
