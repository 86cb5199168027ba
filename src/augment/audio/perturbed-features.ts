import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { decodeAudioSync } from '../../audio/decode.js';
import { readFileBytes } from '../../audio/wav.js';
import { perturb, perturbationName, type Perturbation } from '../../audio/perturbation.js';
import { extractFeatures, featureNames, type FeatureSetName } from '../../features/index.js';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { fileError } from '../../util/errors.js';
import { packageVersion } from '../../util/version.js';
import { perturbCodeFingerprint } from './code-fingerprint.js';

/** Where perturbed features are cached by default (`~/.cache/adan/perturb`, or $XDG_CACHE_HOME/adan/perturb). */
export function defaultPerturbCacheDir(): string {
  const base = process.env.XDG_CACHE_HOME ? process.env.XDG_CACHE_HOME : join(homedir(), '.cache');
  return join(base, 'adan', 'perturb');
}

/** sha256 of each file's bytes, remembered per (path, size, mtime) so later folds do not re-read the audio. */
const hashes = new Map<string, { stamp: string; hash: string }>();

function audioHash(path: string): string {
  const st = statSync(path);
  const stamp = `${st.size}:${st.mtimeMs}`;
  const known = hashes.get(path);
  if (known && known.stamp === stamp) return known.hash;
  const hash = createHash('sha256').update(readFileBytes(path)).digest('hex');
  hashes.set(path, { stamp, hash });
  return hash;
}

/**
 * Features of perturbed audio, extracted by adan's own extractor and cached on disk under
 * `<dir>/<adan version>-<code fingerprint>/<set>/<perturbation>/<sha256 of the audio>.f32` (raw float32): the key is
 * the code that computes the features (code-fingerprint.ts), the audio's content, the perturbation and the feature
 * set, so a changed extractor or an edited file misses, a renamed file hits, and every fold and repeat of a run
 * extracts each (file, perturbation) once. Noise is seeded by the audio and the perturbation.
 */
export class PerturbedFeatureCache {
  /** Entries read from disk / extracted by this instance. */
  hits = 0;
  extracted = 0;
  private readonly width: number;

  constructor(
    readonly dir: string,
    readonly set: FeatureSetName,
  ) {
    this.width = featureNames(set).length;
  }

  private entryPath(hash: string, p: Perturbation): string {
    const folder = perturbationName(p).replace(':', '_');
    return join(this.dir, `${packageVersion()}-${perturbCodeFingerprint().slice(0, 16)}`, this.set, folder, `${hash}.f32`);
  }

  /** The feature vector (the set's columns, in order) of `audioPath` after perturbation `p`. */
  features(audioPath: string, p: Perturbation): Float32Array {
    if (!existsSync(audioPath))
      throw fileError(audioPath, 'no such audio file (the perturb augmenter needs the source audio of every row)');
    const hash = audioHash(audioPath);
    const entry = this.entryPath(hash, p);
    if (existsSync(entry)) {
      const bytes = readFileSync(entry);
      // A truncated entry (a disk filled up) is extracted again rather than trusted.
      if (bytes.length === this.width * 4) {
        this.hits++;
        return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
      }
    }
    const values = this.extract(audioPath, hash, p);
    writeFileAtomic(entry, new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
    this.extracted++;
    return values;
  }

  private extract(audioPath: string, hash: string, p: Perturbation): Float32Array {
    const audio = decodeAudioSync(readFileBytes(audioPath), audioPath);
    if (audio === null) throw fileError(audioPath, 'compressed audio cannot be perturbed here (convert it to WAV)');
    const seed = parseInt(hash.slice(0, 8), 16) ^ parseInt(createHash('sha256').update(perturbationName(p)).digest('hex').slice(0, 8), 16);
    const samples = perturb(audio.samples, audio.sampleRate, p, seed >>> 0);
    const label = `${audioPath} (${perturbationName(p)})`;
    const r = extractFeatures({ samples, sampleRate: audio.sampleRate, name: label }, this.set);
    const bad = r.values.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) throw fileError(label, `feature '${r.names[bad]}' of the perturbed audio is ${r.values[bad]}`);
    return Float32Array.from(r.values);
  }
}
