/**
 * Pitch smoother, method "simple" (cPitchSmoother): removes one-frame voiced blips, fills one-frame gaps, corrects
 * octave jumps and outputs each frame one frame late (the first frame is dropped).
 */

/** One smoothed pitch frame (float32 values). */
export interface PitchFrame {
  F0final: number;
  F0finEnv: number;
  voicingFinalUnclipped: number;
}

const f32 = Math.fround;

/** The "simple" pitch smoother, stateful per file; voicingCutoff is the SHS voicingCutoff. */
export class PitchSmoother {
  private readonly cutoff: number;
  private first = true;
  private lastVoice = 0;
  private lastFinal = 0;
  private onsFlag = 0;
  private onsFlagO = 0;
  private env = 0;
  private readonly frame: PitchFrame = { F0final: 0, F0finEnv: 0, voicingFinalUnclipped: 0 };

  constructor(voicingCutoff: number) {
    this.cutoff = voicingCutoff;
  }

  /**
   * One call per 60 ms analysis frame, in order, with its best candidate's F0 and voicing; returns null for the
   * first frame (dropped, one-frame delay). The returned object is reused by the next call (copy what you keep).
   */
  push(f0: number, voicing: number): PitchFrame | null {
    const pitch = voicing > this.cutoff ? f0 : 0;
    if (this.first) {
      // quirk: the first frame is dropped and leaves no state behind, so output 0 is always (0, 0)
      this.first = false;
      return null;
    }
    const voiceOut = this.lastVoice;
    this.lastVoice = voicing;
    const lastFinal0 = this.lastFinal;
    if (lastFinal0 === 0 && pitch > 0) this.onsFlag = 1;
    if (lastFinal0 > 0 && pitch === 0 && this.onsFlag === 0) this.onsFlag = -1;
    if (lastFinal0 > 0 && pitch > 0) this.onsFlag = 0;
    if (lastFinal0 === 0 && pitch === 0) this.onsFlag = 0;
    if (pitch === 0 && this.onsFlag === 1) this.lastFinal = 0;
    else if (pitch > 0 && this.onsFlag === -1) this.lastFinal = pitch;
    let halving = false;
    let doubling = false;
    if (this.lastFinal > 0 && pitch > 0) {
      const r = this.lastFinal / pitch;
      halving = r > 1.2;
      doubling = r < 0.8;
    }
    if (doubling && this.onsFlagO === -1) this.lastFinal = pitch;
    else if (halving && this.onsFlagO === 1) this.lastFinal = pitch;
    if (doubling) this.onsFlagO = 1;
    if (halving && this.onsFlag === 0) this.onsFlagO = -1;
    if (!halving && !doubling) this.onsFlagO = 0;
    const F0final = this.lastFinal;
    this.lastFinal = pitch;
    if (F0final > 0) this.env = this.env === 0 ? F0final : f32(0.75 * this.env + 0.25 * F0final);
    const fr = this.frame;
    fr.F0final = f32(F0final);
    fr.F0finEnv = f32(this.env);
    fr.voicingFinalUnclipped = f32(voiceOut);
    return fr;
  }
}
