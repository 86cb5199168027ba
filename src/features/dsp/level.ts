/**
 * A "level": a matrix of frames × dims stored row-major in float32, like an openSMILE data memory level
 * (every value openSMILE stores in a level is float32).
 */
/** One level: `frames` rows of `dims` float32 values, with a name per dim. */
export interface Level {
  frames: number;
  dims: number;
  /** frames × dims, row-major: value (t, d) at data[t * dims + d] */
  data: Float32Array;
  /** one name per dim (openSMILE naming, e.g. `mfcc[3]`) */
  names: string[];
}

/** A zero-filled level. */
export function makeLevel(frames: number, dims: number, names: string[]): Level {
  if (names.length !== dims) throw new Error(`makeLevel: ${names.length} names for ${dims} dims`);
  return { frames, dims, data: new Float32Array(Math.max(0, frames) * dims), names };
}

/** Copy of one column (one contour), first `frames` frames (default all). */
export function levelColumn(level: Level, d: number, frames = level.frames): Float32Array {
  const out = new Float32Array(frames);
  const { dims, data } = level;
  for (let t = 0; t < frames; t++) out[t] = data[t * dims + d];
  return out;
}

/** View of one frame. */
export function levelRow(level: Level, t: number): Float32Array {
  return level.data.subarray(t * level.dims, (t + 1) * level.dims);
}

/** Side-by-side concatenation (the first `frames` frames of each, default = the shortest). */
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
