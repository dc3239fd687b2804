// The commands besides `check` and `schema`, each in its own module.
import type { Command } from 'commander';
import { initCommand } from './init.js';
import { rulesCommand } from './rules.js';
import { explainCommand } from './explain.js';
import { updateRdapBootstrapCommand } from './update-rdap-bootstrap.js';

export async function extraCommands(setExitCode: (code: number) => void): Promise<Command[]> {
  return [initCommand(), rulesCommand(setExitCode), explainCommand(setExitCode), updateRdapBootstrapCommand()];
}
