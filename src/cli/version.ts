import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../util/paths.js';
import { backendDescription } from '../nn/backend.js';

/** `adan --version`: package version plus which numeric kernels run (e.g. `kernels: native (OpenBLAS ...)` or `kernels: js (...)`). */
export function versionLine(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
  return `adan ${pkg.version} (node ${process.versions.node})\nkernels: ${backendDescription()}`;
}
