// Builds the optional native kernels (N-API + OpenBLAS) at install time.
// Never fails the install: without a compiler or libopenblas-dev the pure TypeScript kernels run instead.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

if (process.env.ADAN_SKIP_NATIVE === '1') {
  console.log('adan: ADAN_SKIP_NATIVE=1, skipping the native kernels (JS kernels will be used)');
  process.exit(0);
}
if (!existsSync('binding.gyp')) process.exit(0);
const require = createRequire(import.meta.url);
let gyp = process.env.npm_config_node_gyp && existsSync(process.env.npm_config_node_gyp) ? process.env.npm_config_node_gyp : null;
if (!gyp) try {
  gyp = require.resolve('node-gyp/bin/node-gyp.js', { paths: [process.env.npm_execpath ? `${process.env.npm_execpath}/../..` : '.'] });
} catch {
  gyp = null;
}
const cmd = gyp ? [process.execPath, [gyp, 'rebuild']] : ['node-gyp', ['rebuild']];
const r = spawnSync(cmd[0], cmd[1], { stdio: 'inherit' });
if (r.status === 0) console.log('adan: native kernels built (build/Release/adan_native.node)');
else console.log('adan: native kernels could not be built (is libopenblas-dev installed?); the pure TypeScript kernels will be used');
process.exit(0);
