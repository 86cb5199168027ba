import type { Command } from 'commander';
import { UserError } from '../../util/errors.js';

/** `adan reproduce`: not implemented yet (owned by the stage that provides it). */
export function registerReproduce(program: Command): void {
  program
    .command('reproduce')
    .description('(not implemented yet)')
    .allowUnknownOption(true)
    .action(() => {
      throw new UserError('reproduce: not implemented yet');
    });
}
