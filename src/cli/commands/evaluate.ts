import type { Command } from 'commander';
import { UserError } from '../../util/errors.js';

/** `adan evaluate`: not implemented yet (owned by the stage that provides it). */
export function registerEvaluate(program: Command): void {
  program
    .command('evaluate')
    .description('(not implemented yet)')
    .allowUnknownOption(true)
    .action(() => {
      throw new UserError('evaluate: not implemented yet');
    });
}
