import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './paths.js';

let cached: string | null = null;

/** adan's package version, read once from package.json (recorded in model folders, results and reports). */
export function packageVersion(): string {
  if (cached === null) cached = (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  return cached;
}
