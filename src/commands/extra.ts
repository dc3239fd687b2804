// The commands besides `check` and `schema`, each in its own module, loaded when named.
import type { Command } from 'commander';

export const EXTRA_COMMANDS = ['init', 'rules', 'explain', 'update-rdap-bootstrap'];

export async function extraCommands(setExitCode: (code: number) => void): Promise<Command[]> {
  const [{ initCommand }, { rulesCommand }, { explainCommand }, { updateRdapBootstrapCommand }] = await Promise.all([
    import('./init.js'),
    import('./rules.js'),
    import('./explain.js'),
    import('./update-rdap-bootstrap.js'),
  ]);
  return [initCommand(), rulesCommand(setExitCode), explainCommand(setExitCode), updateRdapBootstrapCommand()];
}
