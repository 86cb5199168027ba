import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root (the folder holding package.json), found from this file whether run from src/ or dist/. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('adan: cannot find package.json above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
}

/** The shared material (`../shared` beside the checkout), overridable with ADAN_SHARED. Tests and benchmarks only. */
export function sharedDir(): string {
  return process.env.ADAN_SHARED ? resolve(process.env.ADAN_SHARED) : resolve(packageRoot(), '..', 'shared');
}
