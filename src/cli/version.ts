import { packageVersion } from '../util/version.js';
import { backendDescription } from '../nn/index.js';

/** `adan --version`: package version plus which numeric kernels run (e.g. `kernels: native (OpenBLAS ...)` or `kernels: js (...)`). */
export function versionLine(): string {
  return `adan ${packageVersion()} (node ${process.versions.node})\nkernels: ${backendDescription()}`;
}
