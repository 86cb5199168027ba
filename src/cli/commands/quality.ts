import type { Command } from 'commander';
import { UserError } from '../../util/errors.js';

/** `adan quality`: not implemented yet (owned by the stage that provides it). */
export function registerQuality(program: Command): void {
  program
    .command('quality')
    .description('(not implemented yet)')
    .allowUnknownOption(true)
    .action(() => {
      throw new UserError('quality: not implemented yet');
    });
}
