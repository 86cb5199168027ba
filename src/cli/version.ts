import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../util/paths.js';

/** `adan --version`: package version plus which numeric kernels run (filled in by the engine). */
export function versionLine(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
  return `adan ${pkg.version} (node ${process.versions.node})`;
}
