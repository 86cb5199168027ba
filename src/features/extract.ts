/**
 * Library entry for feature extraction (one file or samples in memory).
 */
import { decodeAudio, decodeAudioSync } from '../audio/decode.js';
import { readFileBytes } from '../audio/wav.js';
import { UserError, fileError } from '../util/errors.js';
import { instanceName } from './csv-format.js';
import { getFeatureSet, type FeatureSetName, type LldOutput } from './sets/index.js';

/** A file path, or samples in memory (float32 mono at their own rate). */
export type ExtractInput = string | { samples: Float32Array; sampleRate: number; name?: string };

/** Options of extractFeatures / extractFeaturesAsync. */
export interface ExtractOptions {
  /** also return the frame-level descriptors (openSMILE's LLD CSV content) */
  lld?: boolean;
}

/** The feature vector of one input, with its names and (if asked for) the LLDs. */
export interface ExtractResult {
  /** instance name: file name without extension (or the given name, default 'unknown' as in openSMILE) */
  name: string;
  names: string[];
  values: Float32Array;
  lld?: LldOutput;
  sampleRate: number;
  /** duration of the input in seconds */
  seconds: number;
}

/** The output names of a feature set, in output order. */
export function featureNames(set: FeatureSetName): string[] {
  return getFeatureSet(set).names();
}

/**
 * Reads the WAV or AIFF (recognised by content, not by extension; scaled and mixed down to mono as openSMILE's
 * cWaveSource does, e.g. 16-bit PCM / 32767) or takes the samples as given (float32 mono at their own rate), runs the set.
 * Throws UserError (fileError naming the input) for bad or too short input.
 */
export function extractFeatures(input: ExtractInput, set: FeatureSetName, opts: ExtractOptions = {}): ExtractResult {
  const fs = getFeatureSet(set);
  let samples: Float32Array;
  let rate: number;
  let name: string;
  let label: string;
  if (typeof input === 'string') {
    const w = decodeAudioSync(readFileBytes(input), input);
    if (w === null) throw fileError(input, 'compressed audio needs the async reader (extractFeaturesAsync)');
    samples = w.samples;
    rate = w.sampleRate;
    name = instanceName(input);
    label = input;
  } else {
    if (!(input.samples instanceof Float32Array)) throw new UserError('extractFeatures: samples must be a Float32Array');
    if (!(input.sampleRate > 0) || !Number.isFinite(input.sampleRate))
      throw new UserError(`extractFeatures: invalid sample rate ${input.sampleRate}`);
    samples = input.samples;
    rate = input.sampleRate;
    name = input.name ?? 'unknown';
    label = name;
  }
  // A corrupt header can claim any rate; outside 1 kHz..384 kHz the 25/60 ms frames make no sense (or allocate GBs).
  if (!(rate >= 1000 && rate <= 384000)) throw fileError(label, `sample rate ${rate} Hz is outside 1000..384000 Hz (corrupt header?)`);
  // NaN/Inf samples (possible in float WAVs) would silently turn hundreds of features into NaN.
  const bad = samples.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw fileError(label, `sample ${bad} is ${samples[bad]}: audio with NaN or Inf samples cannot be analysed`);
  let out;
  try {
    out = fs.extract(samples, rate, { lld: opts.lld });
  } catch (err) {
    if (err instanceof UserError) throw fileError(label, err.message);
    throw err;
  }
  return { name, names: fs.names(), values: out.values, lld: out.lld, sampleRate: rate, seconds: samples.length / rate };
}

/** Same, and also reads compressed formats that need a WASM decoder (MP3, Ogg Opus; see audio/decode.ts). */
export async function extractFeaturesAsync(input: ExtractInput, set: FeatureSetName, opts: ExtractOptions = {}): Promise<ExtractResult> {
  if (typeof input !== 'string') return extractFeatures(input, set, opts);
  const audio = await decodeAudio(readFileBytes(input), input);
  // errors name the file: the samples' name is the path, the instance name is derived from it as for WAV
  return {
    ...extractFeatures({ samples: audio.samples, sampleRate: audio.sampleRate, name: input }, set, opts),
    name: instanceName(input),
  };
}
