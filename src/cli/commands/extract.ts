import type { Command } from 'commander';
import { UserError } from '../../util/errors.js';

/** `adan extract`: not implemented yet (owned by the stage that provides it). */
export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('(not implemented yet)')
    .allowUnknownOption(true)
    .action(() => {
      throw new UserError('extract: not implemented yet');
    });
}
