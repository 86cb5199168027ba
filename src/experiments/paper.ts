import type { TrainOn } from '../eval/results.js';

/** One number of the paper (Tables I-IV) and the method of ours it corresponds to. */
export interface PaperRow {
  table: string;
  setting: string;
  wa: number | null;
  uar: number | null;
  matches: { augment: string; classifier: string; trainOn: TrainOn };
}

const m = (augment: string, classifier: string, trainOn: TrainOn) => ({ augment, classifier, trainOn });

/** Human perception on EmoDB (listening tests of the corpus release), WA. */
export const EMODB_HUMAN_WA = 87.5;

/** Table I (EmoDB, IS11, leave-one-speaker-out; WA only). */
export const PAPER_TABLE_I: PaperRow[] = [
  { table: 'I', setting: 'EmoDB, SVM, no augmentation', wa: 80.56, uar: null, matches: m('none', 'svm', 'real') },
  { table: 'I', setting: 'EmoDB, DNN, no augmentation', wa: 80.19, uar: null, matches: m('none', 'dnn', 'real') },
  { table: 'I', setting: 'EmoDB, duplication (DNN)', wa: 82.06, uar: null, matches: m('duplicate', 'dnn', 'real+synthetic') },
  { table: 'I', setting: 'EmoDB, noise (DNN)', wa: 82.06, uar: null, matches: m('noise', 'dnn', 'real+synthetic') },
  { table: 'I', setting: 'EmoDB, SMOTE (DNN)', wa: 82.43, uar: null, matches: m('smote', 'dnn', 'real+synthetic') },
  { table: 'I', setting: 'EmoDB, ADAN + SVM', wa: 80.93, uar: null, matches: m('adan', 'svm', 'real+synthetic') },
  { table: 'I', setting: 'EmoDB, ADAN + DNN', wa: 83.74, uar: null, matches: m('adan', 'dnn', 'real+synthetic') },
];

/** Tables II (improvised rows) and IV: classifiers on improvised turns only. */
export const PAPER_IEMOCAP_IMPRO: PaperRow[] = [
  { table: 'II', setting: 'IEMOCAP improvised, SVM, real', wa: 67.94, uar: 60.06, matches: m('none', 'svm', 'real') },
  { table: 'II', setting: 'IEMOCAP improvised, SVM, synthetic', wa: 67.76, uar: 58.1, matches: m('adan', 'svm', 'synthetic') },
  { table: 'II', setting: 'IEMOCAP improvised, SVM, real+synthetic', wa: 67.89, uar: 61.32, matches: m('adan', 'svm', 'real+synthetic') },
  { table: 'IV', setting: 'IEMOCAP improvised, ADAN + DNN', wa: 66.8, uar: 62.83, matches: m('adan', 'dnn', 'real+synthetic') },
];

/** Tables II (impro+scripted rows) and III: classifiers on all sessions, ADAN on improvised turns. */
export const PAPER_IEMOCAP_ALL: PaperRow[] = [
  { table: 'II', setting: 'IEMOCAP impro+scripted, SVM, real', wa: 64.74, uar: 58.25, matches: m('none', 'svm', 'real') },
  { table: 'II', setting: 'IEMOCAP impro+scripted, SVM, synthetic', wa: 59.0, uar: 52.52, matches: m('adan', 'svm', 'synthetic') },
  {
    table: 'II',
    setting: 'IEMOCAP impro+scripted, SVM, real+synthetic',
    wa: 65.01,
    uar: 59.01,
    matches: m('adan', 'svm', 'real+synthetic'),
  },
  { table: 'III', setting: 'IEMOCAP, duplication (SVM)', wa: 64.37, uar: 58.34, matches: m('duplicate', 'svm', 'real+synthetic') },
  { table: 'III', setting: 'IEMOCAP, noise (SVM)', wa: 64.3, uar: 58.4, matches: m('noise', 'svm', 'real+synthetic') },
  { table: 'III', setting: 'IEMOCAP, SMOTE (SVM)', wa: 62.47, uar: 58.52, matches: m('smote', 'svm', 'real+synthetic') },
];

/** The distinct methods a list of paper rows needs. */
export function methodsOf(rows: PaperRow[]): { augment: string; classifier: string; trainOn: TrainOn }[] {
  const seen = new Set<string>();
  const out: { augment: string; classifier: string; trainOn: TrainOn }[] = [];
  for (const r of rows) {
    const k = `${r.matches.augment}/${r.matches.classifier}/${r.matches.trainOn}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push({ ...r.matches });
    }
  }
  return out;
}
