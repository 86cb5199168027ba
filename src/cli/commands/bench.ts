import type { Command } from 'commander';
import { UserError } from '../../util/errors.js';

/** `adan bench`: not implemented yet (owned by the stage that provides it). */
export function registerBench(program: Command): void {
  program
    .command('bench')
    .description('(not implemented yet)')
    .allowUnknownOption(true)
    .action(() => {
      throw new UserError('bench: not implemented yet');
    });
}
