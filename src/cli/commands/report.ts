import type { Command } from 'commander';
import { UserError } from '../../util/errors.js';

/** `adan report`: not implemented yet (owned by the stage that provides it). */
export function registerReport(program: Command): void {
  program
    .command('report')
    .description('(not implemented yet)')
    .allowUnknownOption(true)
    .action(() => {
      throw new UserError('report: not implemented yet');
    });
}
