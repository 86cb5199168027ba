import type { Command } from 'commander';
import { UserError } from '../../util/errors.js';

/** `adan train`: not implemented yet (owned by the stage that provides it). */
export function registerTrain(program: Command): void {
  program
    .command('train')
    .description('(not implemented yet)')
    .allowUnknownOption(true)
    .action(() => {
      throw new UserError('train: not implemented yet');
    });
}
