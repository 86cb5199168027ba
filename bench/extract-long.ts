/**
 * Benchmark: one long generated recording (default 10 minutes at 16 kHz: a harmonic tone with pauses and noise)
 * through a feature set in this thread. Prints one JSON line:
 * {set, audioSeconds, seconds, realTimeFactor, rssBeforeMB, peakRssMB, rssGrowthMB}.
 *
 *   node dist/bench/extract-long.js [--set IS10] [--minutes 10]
 *
 * With `--write-wav FILE` it only writes the recording as a 16-bit WAV, for measuring the whole CLI path
 * (file reading included) on it:
 *
 *   node dist/bench/extract-long.js --minutes 30 --write-wav /tmp/long.wav
 *   /usr/bin/time -v node bin/adan.js extract /tmp/long.wav --set IS10 -o /tmp/long.csv --jobs 1
 */
import { writeFileSync } from 'node:fs';
import { encodeWav } from '../src/audio/wav-write.js';
import { extractFeatures } from '../src/features/extract.js';
import { isFeatureSetName } from '../src/features/sets/index.js';

export function longSignal(minutes: number, fs: number): Float32Array {
  const n = Math.round(minutes * 60 * fs);
  const x = new Float32Array(n);
  let seed = 12345;
  let ph = 0;
  for (let i = 0; i < n; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    const noise = (seed / 4294967296 - 0.5) * 0.02;
    const t = i / fs;
    const voiced = Math.floor(t / 0.7) % 3 !== 2; // 1.4 s voiced, 0.7 s pause
    const f0 = 120 + 40 * Math.sin(2 * Math.PI * 0.3 * t);
    ph += (2 * Math.PI * f0) / fs;
    x[i] = noise + (voiced ? 0.2 * (Math.sin(ph) + 0.5 * Math.sin(2 * ph) + 0.25 * Math.sin(3 * ph)) : 0);
  }
  return x;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const set = arg('--set') ?? 'IS10';
  if (!isFeatureSetName(set)) throw new Error(`unknown set ${set}`);
  const minutes = Number(arg('--minutes') ?? 10);
  const fs = 16000;
  const x = longSignal(minutes, fs);
  const wav = arg('--write-wav');
  if (wav !== undefined) {
    writeFileSync(wav, encodeWav([x], fs, 'pcm16'));
    process.stdout.write(JSON.stringify({ wrote: wav, audioSeconds: x.length / fs, sampleRate: fs }) + '\n');
    return;
  }
  const rssBefore = process.memoryUsage().rss / 2 ** 20;
  const t0 = performance.now();
  const r = extractFeatures({ samples: x, sampleRate: fs, name: 'long' }, set);
  const seconds = (performance.now() - t0) / 1000;
  const peak = process.resourceUsage().maxRSS / 1024;
  const finite = r.values.every((v) => Number.isFinite(v));
  process.stdout.write(
    JSON.stringify({
      set,
      audioSeconds: r.seconds,
      seconds: Number(seconds.toFixed(2)),
      realTimeFactor: Number((seconds / r.seconds).toFixed(5)),
      rssBeforeMB: Number(rssBefore.toFixed(1)),
      peakRssMB: Number(peak.toFixed(1)),
      rssGrowthMB: Number((peak - rssBefore).toFixed(1)),
      finite,
    }) + '\n',
  );
}

if (process.argv[1] && /extract-long\.(ts|js)$/.test(process.argv[1])) await main();
