// Benchmark (issue 12, sections 1 and 2): the test speaker's statistics under speaker-enrol:K, mean-centring
// (`--enrol-estimator mean-only`) vs the shrinkage estimator (`shrunk`, the default) vs plain z-norm (`plain`), for
// K = 10, 20, 30; and plain vs class-balanced vs EM speaker statistics (`--speaker-stats`) under `speaker` and
// `speaker-enrol:20`. EmoDB IS11 goldens, leave-one-speaker-out, SVM (C = 10, gamma = 1/n), no augmentation.
// speaker-enrol:K runs R seeds (each seed draws other enrolment utterances; WA/UAR pooled over folds, mean +- sd over
// seeds, paired t-tests over seeds); `speaker` has no random draw and the SVM is deterministic, so it runs once and
// its comparisons are McNemar tests on the pooled predictions. Prints one JSON document with its wall time.
// Usage: npx tsx bench/speaker-stats.ts [repeats=5]
import { defaultDeps } from '../src/eval/defaults.js';
import { runEvaluation, type EvaluateConfig, type EvaluationResults } from '../src/eval/protocol.js';
import { rowsByGroup, type Normalisation } from '../src/eval/speaker-norm.js';
import type { EnrolEstimator, SpeakerStats } from '../src/eval/speaker-stats.js';
import { comparisonRow, emodbIs11Data, summaryRow } from './emodb-speaker-runs.js';

const repeats = Number(process.argv[2] ?? 5);
const data = emodbIs11Data();
const deps = defaultDeps({ augment: { count: { times: 1 }, noiseStd: 0.1, smoteK: 5 } });
// The issue asks for K = 10, 20, 40; K must stay below the smallest speaker's utterance count to score any.
const smallest = Math.min(...[...rowsByGroup(data.groups).values()].map((r) => r.length));
const ks = [10, 20, 30, 40].filter((k) => k < smallest);
const estimators: EnrolEstimator[] = ['mean-only', 'shrunk', 'plain'];
const statsModes: SpeakerStats[] = ['plain', 'balanced', 'em'];

interface Setting {
  normalisation: Normalisation;
  speakerStats: SpeakerStats;
  enrolEstimator?: EnrolEstimator;
}
const name = (s: Setting): string => `${s.normalisation}/${s.speakerStats}${s.enrolEstimator ? `/${s.enrolEstimator}` : ''}`;
const runs = new Map<string, EvaluationResults>();
const t0 = performance.now();
async function run(s: Setting): Promise<EvaluationResults> {
  const key = name(s);
  if (!runs.has(key)) {
    const config: EvaluateConfig = {
      augment: ['none'],
      classifiers: ['svm'],
      trainOn: ['real'],
      repeats: s.normalisation === 'speaker' ? 1 : repeats,
      seed: 1,
      ...s,
    };
    runs.set(key, await runEvaluation(data, config, deps));
  }
  return runs.get(key)!;
}
async function versus(a: Setting, b: Setting): Promise<Record<string, unknown>> {
  return comparisonRow(name(a), await run(a), name(b), await run(b));
}

const comparisons: Record<string, unknown>[] = [];
for (const k of ks) {
  const at = (e: EnrolEstimator): Setting => ({ normalisation: `speaker-enrol:${k}`, speakerStats: 'plain', enrolEstimator: e });
  comparisons.push(await versus(at('mean-only'), at('shrunk')), await versus(at('plain'), at('shrunk')));
}
for (const normalisation of ['speaker', 'speaker-enrol:20'] as const) {
  const at = (speakerStats: SpeakerStats): Setting => ({
    normalisation,
    speakerStats,
    ...(normalisation === 'speaker' ? {} : { enrolEstimator: 'shrunk' as const }),
  });
  for (const s of statsModes) await run(at(s));
  comparisons.push(await versus(at('plain'), at('balanced')), await versus(at('plain'), at('em')));
}
for (const e of estimators)
  for (const k of ks) await run({ normalisation: `speaker-enrol:${k}`, speakerStats: 'plain', enrolEstimator: e });
const rows = [...runs].map(([setting, res]) => ({ setting, repeats: res.results[0].waRepeats.length, ...summaryRow(res, res.results[0]) }));
const seconds = (performance.now() - t0) / 1000;
console.log(
  JSON.stringify(
    {
      bench: 'speaker-stats',
      dataset: data.name,
      classifier: 'svm (C 10, gamma 1/n_features)',
      repeats,
      smallestSpeaker: smallest,
      enrolmentSizes: ks,
      notRun: [10, 20, 40].filter((k) => !ks.includes(k)).map((k) => `speaker-enrol:${k}: a speaker has only ${smallest} utterances`),
      seconds: Number(seconds.toFixed(1)),
      rows,
      comparisons,
    },
    null,
    1,
  ),
);
