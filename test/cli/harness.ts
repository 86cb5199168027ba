import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main.js';
import { encodeWav, type WavEncoding } from '../../src/audio/wav-write.js';

export interface CliResult {
  code: number;
  stderr: string;
  stdout: string;
}

/** Runs the CLI in this process, capturing what a user would see on stdout and stderr. */
export async function runCli(args: string[]): Promise<CliResult> {
  const errW = process.stderr.write.bind(process.stderr);
  const outW = process.stdout.write.bind(process.stdout);
  let stderr = '';
  let stdout = '';
  // only strings are captured: the test runner itself talks to its parent through binary writes
  process.stderr.write = ((s: string | Uint8Array, ...rest: never[]) =>
    typeof s === 'string' ? ((stderr += s), true) : errW(s, ...rest)) as typeof process.stderr.write;
  process.stdout.write = ((s: string | Uint8Array, ...rest: never[]) =>
    typeof s === 'string' ? ((stdout += s), true) : outW(s, ...rest)) as typeof process.stdout.write;
  const saved = process.exitCode;
  process.exitCode = undefined;
  try {
    const code = await run(['node', 'adan', ...args]);
    return { code, stderr, stdout };
  } finally {
    process.stderr.write = errW;
    process.stdout.write = outW;
    process.exitCode = saved;
  }
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `adan-${prefix}-`));
}

/** A short voiced-like test signal (harmonics with vibrato) as a WAV file. */
export function writeToneWav(path: string, seconds = 0.4, encoding: WavEncoding = 'pcm16', f0 = 180): void {
  const rate = 16000;
  const n = Math.round(seconds * rate);
  const x = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const t = i / rate;
    const f = f0 * (1 + 0.03 * Math.sin(2 * Math.PI * 5 * t));
    for (let h = 1; h <= 5; h++) x[i] += (0.2 / h) * Math.sin(2 * Math.PI * f * h * t);
  }
  writeFileSync(path, encodeWav([x], rate, encoding));
}

/** A small generic CSV table: `cols` features, label (classes a/b/c), speaker s1..s4, seeded values. */
export function smallTableCsv(rows = 48, cols = 6, seed = 7): string {
  let s = seed;
  const rand = (): number => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const header = ['name', ...Array.from({ length: cols }, (_, j) => `f${j}`), 'label', 'speaker'];
  const lines = [header.join(',')];
  for (let i = 0; i < rows; i++) {
    const label = ['a', 'b', 'c'][i % 3];
    const shift = i % 3;
    const vals = Array.from({ length: cols }, () => (shift + rand()).toFixed(4));
    lines.push([`u${i}`, ...vals, label, `s${(Math.floor(i / 3) % 4) + 1}`].join(','));
  }
  return lines.join('\n') + '\n';
}

/** Contents and modification times of every file under dir (to prove nothing earlier was changed). */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.set(p, `${statSync(p).mtimeMs}:${readFileSync(p, 'latin1')}`);
    }
  };
  walk(dir);
  return out;
}

/** One line on stderr, no stack trace: what every failure must look like. */
export function isOneLineError(r: CliResult): boolean {
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  return r.code !== 0 && lines.length === 1 && !/\n\s+at /.test(r.stderr) && !/internal error/.test(r.stderr);
}
