import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../../util/paths.js';

/**
 * sha256 (hex) over every file ending in `ext` under `roots` (each a folder, walked recursively, or one file):
 * each file's name (its root's base name and its path below it) and bytes, sorted by name, so the value depends
 * only on the code, not on where the checkout lives or in which order the folder lists it.
 */
export function fingerprintFiles(roots: readonly string[], ext: string): string {
  const files: { name: string; path: string }[] = [];
  const walk = (root: string, path: string): void => {
    if (statSync(path).isDirectory()) {
      for (const e of readdirSync(path)) walk(root, join(path, e));
    } else if (path.endsWith(ext)) {
      files.push({ name: [basename(root), ...relative(root, path).split(sep)].filter((p) => p !== '').join('/'), path });
    }
  };
  for (const root of roots) walk(root, root);
  files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const h = createHash('sha256');
  for (const f of files) {
    const bytes = readFileSync(f.path);
    h.update(`${f.name}\0${bytes.length}\0`).update(bytes);
  }
  return h.digest('hex');
}

/**
 * The code that turns a file's audio into perturbed features: the extractor (features/), decoding, resampling and
 * the perturbations (audio/), the seeded noise generator (util/random) and this folder's cache (which seeds the
 * noise), as compiled .js under dist/src, or as .ts under src/ when run from sources via tsx.
 */
export function perturbCodeRoots(): { roots: string[]; ext: string } {
  const here = fileURLToPath(import.meta.url);
  const ext = extname(here);
  const src = dirname(dirname(dirname(here)));
  return { roots: ['features', 'audio', `util/random${ext}`, `augment/audio/perturbed-features${ext}`].map((p) => join(src, p)), ext };
}

let cached: string | undefined;

/**
 * Fingerprint of the code and the pinned dependencies (fft.js, the decoders, the resampler) that produce perturbed
 * features, computed once per process: a development change to the extractor or a perturbation misses the cache
 * instead of silently reusing features the old code computed.
 */
export function perturbCodeFingerprint(): string {
  if (cached === undefined) {
    const { roots, ext } = perturbCodeRoots();
    const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    cached = createHash('sha256')
      .update(fingerprintFiles(roots, ext))
      .update(JSON.stringify(pkg.dependencies ?? {}))
      .digest('hex');
  }
  return cached;
}
