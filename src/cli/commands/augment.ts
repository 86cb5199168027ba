import type { Command } from 'commander';
import { UserError } from '../../util/errors.js';

/** `adan augment`: not implemented yet (owned by the stage that provides it). */
export function registerAugment(program: Command): void {
  program
    .command('augment')
    .description('(not implemented yet)')
    .allowUnknownOption(true)
    .action(() => {
      throw new UserError('augment: not implemented yet');
    });
}
