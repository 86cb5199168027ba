// Builds the optional native kernels (N-API + OpenBLAS) at install time.
// Never fails a user's install: without a compiler or libopenblas-dev the pure TypeScript kernels run instead.
// ADAN_REQUIRE_NATIVE=1 (set by .ci/run) turns a failed or skipped build into a non-zero exit, so CI cannot go green without them.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const required = process.env.ADAN_REQUIRE_NATIVE === '1';
if (process.env.ADAN_SKIP_NATIVE === '1') {
  if (required) {
    console.error('adan: ADAN_SKIP_NATIVE=1 contradicts ADAN_REQUIRE_NATIVE=1');
    process.exit(1);
  }
  console.log('adan: ADAN_SKIP_NATIVE=1, skipping the native kernels (JS kernels will be used)');
  process.exit(0);
}
if (!existsSync('binding.gyp')) {
  if (required) {
    console.error('adan: ADAN_REQUIRE_NATIVE=1 but binding.gyp is missing');
    process.exit(1);
  }
  process.exit(0);
}
const require = createRequire(import.meta.url);
let gyp = process.env.npm_config_node_gyp && existsSync(process.env.npm_config_node_gyp) ? process.env.npm_config_node_gyp : null;
if (!gyp)
  try {
    gyp = require.resolve('node-gyp/bin/node-gyp.js', { paths: [process.env.npm_execpath ? `${process.env.npm_execpath}/../..` : '.'] });
  } catch {
    gyp = null;
  }
if (!gyp) {
  // npm's bundled copy, for runs outside `npm install` (e.g. `node scripts/build-native.mjs`)
  const bundled = join(dirname(dirname(process.execPath)), 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  if (existsSync(bundled)) gyp = bundled;
}
// Offline machines: build against the headers of the running node (e.g. /usr/include/node) instead of downloading them.
const args = ['rebuild'];
const prefix = dirname(dirname(process.execPath));
if (!process.env.npm_config_nodedir && existsSync(join(prefix, 'include', 'node', 'node_api.h'))) args.push(`--nodedir=${prefix}`);
const cmd = gyp ? [process.execPath, [gyp, ...args]] : ['node-gyp', args];
const r = spawnSync(cmd[0], cmd[1], { stdio: 'inherit' });
if (r.status === 0) console.log('adan: native kernels built (build/Release/adan_native.node)');
else if (required) {
  console.error('adan: ADAN_REQUIRE_NATIVE=1 but the native kernels could not be built (is libopenblas-dev installed?)');
  process.exit(1);
} else console.log('adan: native kernels could not be built (is libopenblas-dev installed?); the pure TypeScript kernels will be used');
process.exit(0);
