import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { encodeWav } from '../../src/audio/wav-write.js';

/**
 * A short generated WAV (no corpus audio in the repo): a tone whose pitch depends on `pitch` plus seeded noise, so
 * files of different classes differ in their features.
 */
export function writeTone(path: string, o: { seconds?: number; rate?: number; pitch?: number; seed?: number } = {}): void {
  const rate = o.rate ?? 16000;
  const n = Math.round((o.seconds ?? 0.5) * rate);
  const f0 = o.pitch ?? 150;
  let s = (o.seed ?? 1) >>> 0 || 1;
  const noise = (): number => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return ((s >>> 0) / 4294967296 - 0.5) * 0.05;
  };
  const x = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const t = i / rate;
    // a vowel-like harmonic tone with a slow amplitude envelope
    const env = Math.sin((Math.PI * i) / n);
    const w = 2 * Math.PI * f0 * t;
    x[i] = env * (0.3 * Math.sin(w) + 0.15 * Math.sin(2 * w) + 0.05 * Math.sin(3 * w)) + noise();
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, encodeWav([x], rate, 'pcm16'));
}

/** Writes every relative path under `root` as a short tone (0.05 s: enough for the readers, which never decode). */
export function writeTree(root: string, rels: readonly string[], seconds = 0.05): void {
  rels.forEach((r, i) => writeTone(`${root}/${r}`, { seconds, seed: i + 1 }));
}
