import { readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { UserError } from '../../util/errors.js';
import { featureSetOption } from '../options.js';
import { AUDIO_EXTENSIONS, hasAudioExtension } from '../../audio/sniff.js';
import { AtomicTextFile } from '../../util/atomic-write.js';
import { progressBar } from '../progress.js';
import { csvHeader, csvRow, extractFiles, FEATURE_SET_NAMES, featureNames, instanceName } from '../../features/index.js';
import { extractManifestCommand } from './extract-manifest.js';

interface ExtractFlags {
  set: string;
  output: string;
  lld?: string;
  jobs?: string;
  shard?: string;
  json?: boolean;
  keepGoing?: boolean;
}

/** `adan extract`: openSMILE-compatible functionals (one CSV row per file), optionally frame-level LLDs. */
export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('extract openSMILE-compatible features (IS10, IS11, IS09, eGeMAPS) from WAV files into openSMILE CSV')
    .argument('[inputs...]', `audio files or folders (searched recursively for ${AUDIO_EXTENSIONS.join(' ')}; decoded by content)`)
    .requiredOption('--set <name>', `feature set: ${FEATURE_SET_NAMES.join(' | ')}`)
    .requiredOption('-o, --output <csv>', 'functionals CSV to write (one row per file; written atomically)')
    .option('--lld <csv>', 'also write the frame-level descriptors (smoothed LLDs and deltas) to this CSV')
    .option('--jobs <n>', 'worker threads (default: number of cores)')
    .option('--shard <i/n>', 'process only every n-th file starting at file i (0-based), for cluster job arrays')
    .option('--keep-going', 'if some files fail, still write the rows of the others (the failures are listed at the end)')
    .option('--json', 'print a JSON summary instead of text')
    .option('--manifest <csv>', 'the files a manifest lists (path, label, speaker/group, ...); their columns become metadata')
    .action(async (inputs: string[], flags: ExtractFlags & { manifest?: string }) => {
      if (flags.manifest !== undefined) return extractManifestCommand(flags.manifest, inputs, flags);
      if (inputs.length === 0) throw new UserError('extract: give WAV files or folders, or --manifest m.csv');
      await runExtract(inputs, flags);
    });
}

/** Expands files and folders into a sorted list of audio paths; unreadable inputs are returned as failures. */
export function collectWavs(inputs: readonly string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && hasAudioExtension(e.name)) files.push(p);
    }
  };
  for (const inp of inputs) {
    let st;
    try {
      st = statSync(inp);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') throw new UserError(`${inp}: too many levels of symbolic links (a symlink loop)`);
      missing.push(inp);
      continue;
    }
    if (st.isDirectory()) walk(inp);
    else files.push(inp);
  }
  files.sort();
  return { files: [...new Set(files)], missing };
}

export function parseShard(s: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(s.trim());
  if (!m) throw new UserError(`--shard: expected i/n (e.g. 0/4), got '${s}'`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index >= count) throw new UserError(`--shard: need 0 <= i < n, got ${index}/${count}`);
  return { index, count };
}

/** Two files that give one row id (a/ok.wav, b/ok.wav) would be confused downstream: refuse, naming both. */
export function checkUniqueNames(files: readonly string[]): void {
  const seen = new Map<string, string>();
  for (const f of files) {
    const id = instanceName(f);
    const other = seen.get(id);
    if (other !== undefined) {
      throw new UserError(`${other} and ${f} both give the row id '${id}': rename one or extract them into separate tables`);
    }
    seen.set(id, f);
  }
}

/** A non-finite feature value never reaches the table: the file counts as failed. */
function firstNonFinite(values: Float32Array): number {
  return values.findIndex((v) => !Number.isFinite(v));
}

async function runExtract(inputs: string[], f: ExtractFlags): Promise<void> {
  const set = featureSetOption(f.set);
  let jobs = availableParallelism();
  if (f.jobs !== undefined) {
    if (!/^\d+$/.test(f.jobs) || Number(f.jobs) < 1) throw new UserError(`--jobs: expected a positive integer, got '${f.jobs}'`);
    jobs = Number(f.jobs);
  }
  const { files: all, missing } = collectWavs(inputs);
  let files = all;
  if (f.shard !== undefined) {
    const { index, count } = parseShard(f.shard);
    files = all.filter((_, i) => i % count === index);
  }
  // Nothing to read at all: fail before touching the output, so an earlier table there survives.
  if (all.length === 0 && missing.length > 0) {
    const more = missing.length > 1 ? ` (and ${missing.length - 1} more missing input${missing.length > 2 ? 's' : ''})` : '';
    throw new UserError(`${missing[0]}: no such file or directory${more}`);
  }
  if (all.length === 0) throw new UserError(`extract: no audio files (${AUDIO_EXTENSIONS.join(' ')}) found in the given inputs`);
  checkUniqueNames(all);
  // Failures are collected and reported at the end, one line each: a run with failures writes nothing unless
  // --keep-going, so an earlier output is never replaced by a partial one the user did not ask for.
  const failures: string[] = missing.map((m) => `${m}: no such file or directory`);
  const names = featureNames(set);
  const out = new AtomicTextFile(f.output);
  const lldOut = f.lld ? new AtomicTextFile(f.lld) : null;
  let lldHeader = false;
  const bar = progressBar({ enabled: f.json ? false : undefined });
  const t0 = Date.now();
  let audioSeconds = 0;
  let done = 0;
  // an interrupted run removes its temporary files and leaves any previous output untouched
  const onSignal = (sig: NodeJS.Signals): void => {
    bar.stop();
    out.abort();
    lldOut?.abort();
    process.stderr.write(`adan: extract interrupted (${sig}); no output written\n`);
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    out.write(csvHeader(names));
    bar.start(files.length, `extract ${set}`);
    await extractFiles(files, set, {
      jobs: Math.min(jobs, Math.max(1, files.length)),
      lld: lldOut !== null,
      onResult(_i, path, res) {
        const bad = res.ok ? firstNonFinite(res.values) : -1;
        if (res.ok && bad >= 0) {
          failures.push(`${path}: feature '${names[bad]}' is ${res.values[bad]} (not a finite number)`);
        } else if (res.ok) {
          out.write(csvRow(res.name, 0, res.values));
          audioSeconds += res.seconds;
          done++;
          if (lldOut && res.lld) {
            const l = res.lld;
            if (!lldHeader) {
              lldOut.write(csvHeader(l.names));
              lldHeader = true;
            }
            const D = l.names.length;
            for (let t = 0; t < l.frames; t++) lldOut.write(csvRow(res.name, t * l.frameStep, l.data, D, t * D));
          }
        } else {
          failures.push(res.error);
        }
        bar.increment();
      },
    });
    bar.stop();
    if (failures.length > 0 && (!f.keepGoing || done === 0)) {
      out.abort();
      lldOut?.abort();
      const more = failures.length > 1 ? ` (and ${failures.length - 1} more failed file${failures.length > 2 ? 's' : ''})` : '';
      const hint = done > 0 ? `; nothing written (--keep-going writes the ${done} good rows)` : '; nothing written';
      throw new UserError(`${failures[0]}${more}${hint}`);
    }
    out.commit();
    if (lldOut && !lldHeader) {
      lldOut.abort();
      if (done > 0) process.stderr.write(`adan: --lld: feature set ${set} provides no frame-level descriptors; ${f.lld} not written\n`);
    } else lldOut?.commit();
  } catch (err) {
    bar.stop();
    out.abort();
    lldOut?.abort();
    throw err;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  const seconds = (Date.now() - t0) / 1000;
  const failed = failures.length;
  const summary = {
    set,
    files: files.length,
    extracted: done,
    failed,
    audioSeconds: Number(audioSeconds.toFixed(3)),
    seconds,
    output: f.output,
    lld: f.lld ?? null,
    failures,
  };
  if (f.json) process.stdout.write(JSON.stringify(summary) + '\n');
  else
    process.stdout.write(
      `extracted ${done}/${files.length} files (${set}, ${names.length} features) in ` +
        `${seconds.toFixed(1)} s -> ${f.output}${failed ? `; ${failed} failed` : ''}\n`,
    );
  if (failed > 0) {
    process.stderr.write(`adan: ${failed} file${failed > 1 ? 's' : ''} failed (not in ${f.output}):\n`);
    for (const m of failures) process.stderr.write(`adan:   ${m}\n`);
    process.exitCode = 1;
  }
}
