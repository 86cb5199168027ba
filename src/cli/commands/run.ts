import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { CORPUS_READERS, corpusReader } from '../../data/corpora/index.js';
import { parseClassSet } from '../../data/corpora/classes.js';
import { corpusUtterances, manifestUtterances, runCorpus, type UtteranceTable } from '../../experiments/index.js';
import { backendName } from '../../nn/index.js';
import { defaultFoldJobs } from '../../eval/index.js';
import { progressBar, stagedProgress } from '../progress.js';
import {
  addPerturbOptions,
  addProtocolOptions,
  packageVersion,
  perturbSettingsFrom,
  protocolFrom,
  type PerturbFlags,
  type ProtocolFlags,
  type ProtocolSetup,
} from './evaluate.js';
import { featureSetOption, intOption } from '../options.js';

interface RunFlags extends ProtocolFlags, PerturbFlags {
  output?: string;
  set: string;
  classes: string;
  speakerFolds?: string;
  jobs?: string;
  strict?: boolean;
  report: boolean;
  json?: boolean;
}

/**
 * The protocol with the perturb augmenter's settings (recorded in results.json): no audio folder, since every row's
 * source audio is the corpus file its features were extracted from (runCorpus gives the rows their sources).
 */
function withPerturb(p: ProtocolSetup, f: PerturbFlags): ProtocolSetup {
  const perturb = perturbSettingsFrom(f, p.fitted);
  if (!perturb) return p;
  return { ...p, settings: { ...p.settings, perturb }, config: { ...p.config, extra: { ...p.config.extra, perturb } } };
}

/** `adan run <corpus> DIR` / `adan run manifest m.csv`: the whole pipeline on one corpus. */
export function registerRun(program: Command): void {
  const cmd = program
    .command('run')
    .description(
      'the whole pipeline on a corpus: features (cached in the run folder), leave-one-speaker/session-out over the ' +
        "corpus's folds, results.json and report.html",
    )
    .argument('<corpus>', `${CORPUS_READERS.map((c) => c.name).join(' | ')} | manifest`)
    .argument('<dir>', 'the corpus folder (for manifest: the manifest CSV)')
    .option('-o, --output <dir>', 'run folder (default run-<corpus>)')
    .option('--set <name>', "feature set: IS11 (default, as the paper's EmoDB experiment), IS10, IS09, eGeMAPS", 'IS11')
    .option('--classes <set>', "labels: all (the corpus's own emotions), 4 (angry, happy, neutral, sad) or 6 (+ fear, disgust)", 'all')
    .option('--speaker-folds <k>', 'k speaker-disjoint folds instead of one fold per speaker/session (e.g. CREMA-D)')
    .option('--jobs <n>', 'feature extraction threads and fold processes (default: one per core; folds: 4 GiB each at most)')
    .option('--strict', 'stop at the first unreadable audio file (default: skip unreadable files, name them at the end)');
  addPerturbOptions(addProtocolOptions(cmd))
    .option('--no-report', 'do not write report.html')
    .option('--json', 'print the written files as JSON instead of the results table')
    .action(async (corpus: string, dir: string, f: RunFlags) => {
      const set = featureSetOption(f.set);
      const classes = parseClassSet(f.classes);
      const speakerFolds = intOption(f.speakerFolds, '--speaker-folds', 2);
      const jobs = intOption(f.jobs, '--jobs', 1);
      const protocol = withPerturb(protocolFrom(f, true), f);
      const u: UtteranceTable =
        corpus === 'manifest'
          ? manifestUtterances(dir, classes, speakerFolds)
          : corpusUtterances(corpusReader(corpus), dir, classes, speakerFolds);
      const bar = progressBar({ enabled: f.json ? false : undefined });
      try {
        const out = await runCorpus(u, {
          out: f.output ?? `run-${corpus === 'manifest' ? 'manifest' : corpusReader(corpus).name}`,
          set,
          jobs: jobs ?? Math.max(1, availableParallelism()),
          foldJobs: jobs ?? defaultFoldJobs(),
          strict: f.strict === true,
          protocol,
          report: f.report,
          extra: { corpus, source: dir, classes, speakerFolds: speakerFolds ?? null },
          version: packageVersion(),
          backend: backendName(),
          log: (m) => {
            if (!f.json) process.stderr.write(`adan: ${m}\n`);
          },
          onPiece: stagedProgress(bar),
        });
        bar.stop();
        if (f.json) process.stdout.write(JSON.stringify({ files: out.files, skipped: out.skipped, seconds: out.seconds }) + '\n');
        else process.stdout.write(`${out.text}\n\nwrote ${out.files.map((x) => `${x.path} (${x.what})`).join(', ')}\n`);
        if (out.skipped.length > 0) {
          const n = out.skipped.length;
          process.stderr.write(`adan: ${n} utterance${n > 1 ? 's' : ''} skipped (unreadable audio; not in the evaluation):\n`);
          for (const m of out.skipped) process.stderr.write(`adan:   ${m}\n`);
        }
      } finally {
        bar.stop();
      }
    });
}
