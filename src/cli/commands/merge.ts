import type { Command } from 'commander';
import { UserError } from '../../util/errors.js';

/** `adan merge`: not implemented yet (owned by the stage that provides it). */
export function registerMerge(program: Command): void {
  program
    .command('merge')
    .description('(not implemented yet)')
    .allowUnknownOption(true)
    .action(() => {
      throw new UserError('merge: not implemented yet');
    });
}
