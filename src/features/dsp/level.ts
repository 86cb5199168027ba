/**
 * A "level" (spec 1.1): a matrix of frames × dims stored row-major in float32, like an openSMILE data memory level.
 *
 * API:
 *   interface Level { frames: number; dims: number; data: Float32Array; names: string[] }
 *   makeLevel(frames, dims, names): Level          zero-filled level
 *   levelColumn(level, d): Float32Array            copy of one column (one contour)
 *   concatLevels(levels, frames?): Level           side-by-side concatenation (first `frames` frames of each, default = shortest)
 *   levelRow(level, t): Float32Array               view of one frame
 *   indexedNames(base, first, last): string[]      base[first] .. base[last]
 *   suffixName(name, suffix): string               inserts a suffix before an array index: mfcc[3] + _sma -> mfcc_sma[3]
 */
export interface Level {
  frames: number;
  dims: number;
  /** frames × dims, row-major: value (t, d) at data[t * dims + d] */
  data: Float32Array;
  /** one name per dim (openSMILE naming, e.g. `mfcc[3]`) */
  names: string[];
}

export function makeLevel(frames: number, dims: number, names: string[]): Level {
  if (names.length !== dims) throw new Error(`makeLevel: ${names.length} names for ${dims} dims`);
  return { frames, dims, data: new Float32Array(Math.max(0, frames) * dims), names };
}

export function levelColumn(level: Level, d: number, frames = level.frames): Float32Array {
  const out = new Float32Array(frames);
  const { dims, data } = level;
  for (let t = 0; t < frames; t++) out[t] = data[t * dims + d];
  return out;
}

export function levelRow(level: Level, t: number): Float32Array {
  return level.data.subarray(t * level.dims, (t + 1) * level.dims);
}

export function concatLevels(levels: Level[], frames?: number): Level {
  const n = frames ?? Math.min(...levels.map((l) => l.frames));
  const names = levels.flatMap((l) => l.names);
  const out = makeLevel(n, names.length, names);
  let d0 = 0;
  for (const l of levels) {
    for (let t = 0; t < n; t++) out.data.set(l.data.subarray(t * l.dims, (t + 1) * l.dims), t * out.dims + d0);
    d0 += l.dims;
  }
  return out;
}

/** Names `base[i]` for i = first..last (openSMILE's array naming). */
export function indexedNames(base: string, first: number, last: number): string[] {
  const out: string[] = [];
  for (let i = first; i <= last; i++) out.push(`${base}[${i}]`);
  return out;
}

/** Inserts a suffix before an array index, as openSMILE names derived fields: mfcc[3] + `_sma` -> mfcc_sma[3]. */
export function suffixName(name: string, suffix: string): string {
  const b = name.indexOf('[');
  return b < 0 ? name + suffix : name.slice(0, b) + suffix + name.slice(b);
}
