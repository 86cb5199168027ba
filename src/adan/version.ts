import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../util/paths.js';

let cached: string | null = null;

/** adan's package version (recorded in model folders). */
export function packageVersion(): string {
  if (cached === null) cached = (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  return cached;
}
