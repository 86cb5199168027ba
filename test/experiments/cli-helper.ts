// The experiments' CLI tests use the one in-process CLI harness of test/cli.
export { runCli as cli } from '../cli/harness.js';
