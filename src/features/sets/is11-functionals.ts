/**
 * IS11_speaker_state functional lists (functionalsA, functionalsB, functionalsNz, functionalsF0; each list in
 * functionalsEnabled order), one FunctionalSet per cFunctionals instance.
 */
import { createFunctionalSet, type FunctionalConfig, type FunctionalSet } from '../functionals/index.js';

const percentiles: FunctionalConfig = {
  type: 'percentiles',
  quartiles: true,
  iqr: true,
  percentiles: [0.01, 0.99],
  ranges: [[0, 1]],
  interp: true,
};
const moments: FunctionalConfig = { type: 'moments', outputs: ['stddev', 'skewness', 'kurtosis'] };
const peaks: FunctionalConfig = {
  type: 'peaks',
  outputs: ['meanPeakDist', 'peakMean', 'peakMeanMeanDist', 'peakDistStddev'],
  norm: 'second',
};
const regression: FunctionalConfig = {
  type: 'regression',
  outputs: ['linregc1', 'linregerrQ', 'qregc1', 'qregc2', 'qregerrQ', 'centroid'],
  oldBuggyQerr: false,
};
const lpc: FunctionalConfig = { type: 'lpc', order: 5, lpGain: true };
const segOutputs = ['meanSegLen', 'maxSegLen', 'minSegLen', 'segLenStddev'] as const;

function listAB(thresholds: number[]): FunctionalConfig[] {
  return [
    percentiles,
    { type: 'means', outputs: ['amean'] },
    moments,
    peaks,
    { type: 'segments', algorithm: 'relTh', thresholds, outputs: segOutputs, norm: 'second', maxNumSeg: 100 },
    regression,
    { type: 'times', outputs: ['downleveltime25', 'upleveltime90', 'risetime', 'falltime'], norm: 'segment' },
    lpc,
  ];
}

/** A: lldA, B: lldB, Nz: voiced-only (zeros removed), F0: voicing statistics of F0final_sma_ff0. */
export interface Is11FunctionalSets {
  readonly A: FunctionalSet;
  readonly B: FunctionalSet;
  readonly Nz: FunctionalSet;
  readonly F0: FunctionalSet;
}

/** The four configured functional sets. */
export function is11Functionals(): Is11FunctionalSets {
  return {
    A: createFunctionalSet(listAB([0.25])),
    B: createFunctionalSet(listAB([0.25, 0.75])),
    Nz: createFunctionalSet(
      [
        percentiles,
        { type: 'means', outputs: ['amean', 'qmean'] },
        moments,
        peaks,
        regression,
        {
          type: 'times',
          outputs: ['downleveltime25', 'upleveltime90', 'risetime', 'falltime', 'leftctime', 'rightctime'],
          norm: 'segment',
        },
        lpc,
      ],
      { nonZero: true },
    ),
    F0: createFunctionalSet([
      { type: 'means', outputs: ['nnz'], norm: 'segment' },
      { type: 'segments', algorithm: 'nonX', x: 0, outputs: segOutputs, norm: 'second', maxNumSeg: 100 },
      { type: 'times', outputs: ['duration'], norm: 'second' },
    ]),
  };
}
