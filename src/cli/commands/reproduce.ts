import type { Command } from 'commander';
import { ADAN_PRESET_NAMES } from '../../adan/index.js';
import { intOption, jsonOverridesOption, seedOption } from '../options.js';
import { reproduceEmodb, reproduceIemocap, type ReproduceSettings } from '../../experiments/index.js';
import { backendName } from '../../nn/index.js';
import { defaultFoldJobs } from '../../eval/index.js';
import { UserError } from '../../util/errors.js';
import { progressBar, stagedProgress } from '../progress.js';
import { adanOptionsFrom, packageVersion, sampleCountFrom } from './evaluate.js';

interface ReproduceFlags {
  emodb?: string;
  iemocap?: string;
  mergeExcited?: boolean;
  features?: string;
  output: string;
  repeats?: string;
  seed: string;
  quick?: boolean;
  adanPreset: string;
  adanEpochs?: string;
  adanSet?: string;
  times?: string;
  jobs?: string;
  json?: boolean;
}

/**
 * ADAN epochs of a full run when --adan-epochs is not given: the preset's own (paper and wadan 300, official 1500 with
 * its early stop), never a fixed number that would override the preset. With 100 epochs the generator is clearly
 * undertrained (measured: ADAN + SVM 64.7 % WA vs 76.1 % at 300 epochs); 300 keep Table I under 20 minutes on 2 cores.
 */
const QUICK_ADAN_EPOCHS = '2';

/** `adan reproduce emodb|iemocap`: the paper's experiments end to end, side by side with its tables. */
export function registerReproduce(program: Command): void {
  program
    .command('reproduce')
    .description(
      "run the paper's experiments from the WAVs (EmoDB: Table I with IS11; IEMOCAP: Tables " +
        "II-IV with IS10) under the per-fold protocol and print them beside the paper's numbers, then (EmoDB) a " +
        "'beyond the paper' table under per-fold, speaker-enrol:20 and speaker",
    )
    .argument('<corpus>', 'emodb or iemocap')
    .option('--emodb <dir>', 'EmoDB folder (WAVs, or a folder with wav/); default: the cached official download')
    .option('--iemocap <dir>', 'IEMOCAP release folder (Session1..5)')
    .option('--merge-excited', "IEMOCAP: merge 'excited' into 'happy' (5531 instead of the paper's 4490 utterances)")
    .option('--features <file>', 'use this feature table (ids = file names / utterance ids) instead of extracting')
    .option('-o, --output <dir>', 'run folder (results.json, models/, features cache)', 'run')
    .option('--repeats <r>', 'repeats with different seeds, for mean, spread and a paired t-test (default 1; --quick: 1)')
    .option('--seed <n>', 'base random seed', '1')
    .option('--quick', 'fast smoke run: tiny ADAN (2 epochs, 64-unit autoencoder), DNN 2 epochs, 1x synthetic, 1 repeat')
    .option('--adan-preset <name>', `ADAN settings: ${ADAN_PRESET_NAMES.join(' | ')}`, 'paper')
    .option('--adan-epochs <n>', "ADAN epochs per fold (default: the preset's, e.g. paper 300, official 1500)")
    .option('--adan-set <json>', 'override any ADAN option (JSON object)')
    .option('--times <n>', 'synthetic rows = n x the training fold (default 10, as the paper)')
    .option('--jobs <n>', 'feature extraction threads and fold processes (default: one per core; folds: 4 GiB each at most)')
    .option('--json', 'print the results JSON path(s) as JSON instead of the tables')
    .action(async (corpus: string, f: ReproduceFlags) => {
      if (corpus !== 'emodb' && corpus !== 'iemocap') throw new UserError(`reproduce: unknown corpus '${corpus}' (emodb or iemocap)`);
      if (corpus === 'iemocap' && !f.iemocap) throw new UserError('reproduce iemocap needs --iemocap DIR (the IEMOCAP release folder)');
      const quick = f.quick === true;
      const userSet = jsonOverridesOption(f.adanSet, '--adan-set');
      const adan = adanOptionsFrom(
        f.adanPreset,
        f.adanEpochs ?? (quick ? QUICK_ADAN_EPOCHS : undefined),
        quick ? { encoderHidden: [64], decoderHidden: [64], ...userSet } : userSet,
      );
      const repeats = intOption(f.repeats, '--repeats', 1) ?? 1;
      const jobs = intOption(f.jobs, '--jobs', 1);
      const bar = progressBar({ enabled: f.json ? false : undefined });
      const s: ReproduceSettings = {
        out: f.output,
        repeats: quick ? 1 : repeats,
        seed: seedOption(f.seed)!,
        quick,
        adan,
        count: sampleCountFrom({ times: f.times ?? (quick ? '1' : undefined) }),
        noiseStd: 0.1,
        smoteK: 5,
        svm: {},
        dnn: quick ? { epochs: 2 } : {},
        features: f.features,
        jobs,
        foldJobs: jobs ?? defaultFoldJobs(),
        version: packageVersion(),
        backend: backendName(),
        log: (m) => {
          if (!f.json) process.stderr.write(`adan: ${m}\n`);
        },
        onPiece: stagedProgress(bar),
      };
      try {
        const out =
          corpus === 'emodb'
            ? await reproduceEmodb(f.emodb, s)
            : await reproduceIemocap(f.iemocap!, { ...s, mergeExcited: f.mergeExcited === true });
        bar.stop();
        if (f.json) process.stdout.write(JSON.stringify({ files: out.files, seconds: out.seconds }) + '\n');
        else process.stdout.write(`${out.text}\n\nwrote ${out.files.map((x) => `${x.path} (${x.what})`).join(', ')}\n`);
      } finally {
        bar.stop();
      }
    });
}
