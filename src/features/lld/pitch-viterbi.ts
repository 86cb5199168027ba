/**
 * Viterbi pitch smoothing over SHS candidates (cPitchSmootherViterbi / cSmileViterbiPitchSmooth,
 * `src/lld/pitchSmootherViterbi.cpp` and its header), as configured in GeMAPSv01b/eGeMAPSv02.
 *
 * States: one per candidate plus an "unvoiced" state. Local cost of a candidate
 * (-ln(clip(v, 0.01, 1)) + (v < thr ? wThr : 0))·wLocal + rangeWeight(f)·wRange; of the unvoiced
 * state wLocal·wThr if any candidate has v >= thr. Transition costs: voiced->voiced
 * wTvv·|r| + wTvvd·|r - lastChange| with r = ln(f_cur/f_prev) (999 if either is 0) and lastChange a
 * single running value updated in evaluation order (an oS quirk kept for identical paths); voiced<->unvoiced
 * wTvuv (resets lastChange); unvoiced->unvoiced 1.0 (the oS condition meant for wTuu never holds).
 * Decisions are taken incrementally as in oS: when all paths agree on a frame, or forced after
 * bufferLength frames from the current best path; the remainder is flushed at the end.
 */
const f = Math.fround;

/** The Viterbi cost weights (wTvvd is set to wTvv, as oS's setWeights does). */
export interface ViterbiWeights {
  wLocal: number;
  wTvv: number;
  wTvuv: number;
  wThr: number;
  wRange: number;
  wTuu: number;
}

function rangeWeight(fr: number): number {
  if (fr > 0 && fr < 100) return -(1 / 100) * fr + 1;
  if (fr >= 100 && fr < 350) return 0;
  if (fr >= 350 && fr < 600) return (fr - 350) / 250;
  if (fr >= 600) return 1.2;
  if (fr <= 0) return 2;
  return 0;
}

/**
 * f0/voicing: nFrames × nCand candidate frequencies and voicing probabilities (row-major); returns the
 * smoothed F0 per frame (0 = unvoiced). Decisions are forced after bufferLength (`buflen`) frames. If given, `end.decided`
 * receives the number of frames decided before the end-of-input flush.
 */
export function viterbiPitch(
  f0: Float32Array,
  voicing: Float32Array,
  nFrames: number,
  nCand: number,
  voiceThresh: number,
  w: ViterbiWeights,
  buflen: number,
  end?: { decided: number },
): Float32Array {
  const nStates = nCand + 1;
  const U = nStates - 1;
  const thr = f(voiceThresh);
  const wTvvd = w.wTvv; // oS setWeights assigns tvv to wTvvd
  let lastChange = 1.0;
  const out = new Float32Array(nFrames);
  const paths = [new Int32Array(nStates * buflen), new Int32Array(nStates * buflen)];
  let pathBuf = 0;
  let pathIdx = 0;
  let convIdx = -1;
  let rdIdx = 0;
  const bestPath = new Int32Array(buflen);
  let costs = new Float64Array(nStates);
  let costsNew = new Float64Array(nStates);

  const local = (i: number, t: number): number => {
    if (i < U) {
      let pv = voicing[t * nCand + i];
      if (pv < 0.01) pv = 0.01;
      if (pv > 1) pv = 1;
      const th = pv < thr ? w.wThr : 0;
      return (-Math.log(pv) + th) * w.wLocal + rangeWeight(f0[t * nCand + i]) * w.wRange;
    }
    // the oS loop runs over all states; the slot after the candidates holds 0 (voicingClip not read)
    let flag = 0;
    for (let j = 0; j < nCand; j++) {
      if (voicing[t * nCand + j] >= thr) {
        flag = w.wThr;
        break;
      }
    }
    return w.wLocal * flag;
  };
  const transition = (i: number, j: number, tPrev: number, tCur: number): number => {
    if (i < U && j < U) {
      const fp = f0[tPrev * nCand + j];
      const fc = f0[tCur * nCand + i];
      if (fp === 0 || fc === 0) return 999.0;
      const r = Math.log(f(fc / fp));
      const x = w.wTvv * Math.abs(r) + wTvvd * Math.abs(r - lastChange);
      lastChange = r;
      return x;
    }
    if ((i === U && j < U) || (i < U && j === U)) {
      lastChange = 0;
      return w.wTvuv;
    }
    return 1.0;
  };
  const emit = (): void => {
    while (rdIdx <= convIdx) {
      const s = bestPath[rdIdx % buflen];
      out[rdIdx] = s < U ? f0[rdIdx * nCand + s] : 0;
      rdIdx++;
    }
  };

  for (let t = 0; t < nFrames; t++) {
    if (pathIdx === 0) {
      pathIdx = 0;
      convIdx = -1;
      for (let i = 0; i < nStates; i++) {
        costs[i] = local(i, t);
        paths[pathBuf][i * buflen] = i;
      }
    } else {
      const nb = (pathBuf + 1) % 2;
      const src = paths[pathBuf];
      const dst = paths[nb];
      for (let i = 0; i < nStates; i++) {
        let minState = 0;
        let minCost = transition(i, 0, t - 1, t) + costs[0];
        for (let j = 1; j < nStates; j++) {
          const c = transition(i, j, t - 1, t) + costs[j];
          if (c < minCost) {
            minState = j;
            minCost = c;
          }
        }
        costsNew[i] = minCost + local(i, t);
        dst.set(src.subarray(minState * buflen, (minState + 1) * buflen), i * buflen);
        dst[i * buflen + (pathIdx % buflen)] = i;
      }
      const tmp = costs;
      costs = costsNew;
      costsNew = tmp;
      pathBuf = nb;
    }
    pathIdx++;
    const P = paths[pathBuf];
    if (pathIdx - convIdx > buflen) {
      // forced decision for the oldest frame from the current best path
      let minState = 0;
      for (let i = 1; i < nStates; i++) if (costs[i] < costs[minState]) minState = i;
      convIdx++;
      bestPath[convIdx % buflen] = P[minState * buflen + (convIdx % buflen)];
    } else {
      for (let n = convIdx + 1; n < pathIdx; n++) {
        const x = P[n % buflen];
        let match = true;
        for (let i = 1; i < nStates; i++) {
          if (x !== P[i * buflen + (n % buflen)]) {
            match = false;
            break;
          }
        }
        if (!match) break;
        convIdx++;
        bestPath[convIdx % buflen] = x;
      }
    }
    emit();
  }
  if (end) end.decided = rdIdx;
  // end of input: flush with the best final path
  let minState = 0;
  for (let i = 1; i < nStates; i++) if (costs[i] < costs[minState]) minState = i;
  const P = paths[pathBuf];
  for (let i = convIdx + 1; i < pathIdx; i++) {
    convIdx++;
    bestPath[convIdx % buflen] = P[minState * buflen + (convIdx % buflen)];
  }
  emit();
  return out;
}
