// The command line: `main()` returns the exit code (0 ready, 1 blocked, 2 usage or invalid);
// the bin sets it. Commands report user mistakes as UsageError, printed without a stack.
import { Command, CommanderError } from 'commander';
import { versionLine } from './version.js';
import { UsageError } from './errors.js';
import { forTerminal } from './report/sanitize.js';

/** Each line of a message made safe for a terminal or a CI log. */
const safeLines = (text: string) =>
  text
    .split('\n')
    .map((l) => forTerminal(l))
    .join('\n');
import { checkCommand } from './commands/check.js';
import { schemaCommand } from './commands/schema.js';
import { extraCommands, EXTRA_COMMANDS } from './commands/extra.js';

export { versionLine };

/** The check command's options, for the top-level help (the command most people run is the default one). */
function checkOptionsHelp(check: Command): string {
  const help = check.createHelp();
  const options = help.visibleOptions(check).filter((o) => o.long !== '--help');
  const width = Math.max(...options.map((o) => help.optionTerm(o).length));
  return options.map((o) => `  ${help.optionTerm(o).padEnd(width)}  ${help.optionDescription(o)}`).join('\n');
}

export async function main(argv: string[]): Promise<number> {
  // -V was the version flag before -v; both work.
  argv = argv.map((a) => (a === '-V' ? '--version' : a));
  let exitCode = 0;
  const setExitCode = (code: number) => {
    exitCode = Math.max(exitCode, code);
  };
  const program = new Command('icp-check')
    .description('Pre-flight checks for ICP filings (ICP备案) through Alibaba Cloud: what is missing or wrong, before you submit.')
    .version(versionLine(), '-v, --version', 'print the version')
    .option('--verbose', 'every passing check and note too (check), and stack traces of internal errors')
    .exitOverride()
    // Commander echoes the arguments it refuses: never an escape sequence or a workflow command, raw.
    .configureOutput({ outputError: (str, write) => write(safeLines(str)) })
    .showSuggestionAfterError(true);
  const check = checkCommand(setExitCode);
  program.addCommand(check, { isDefault: true });
  // The other commands (and their dependencies, such as the questionnaire's) load only when named or for help.
  const first = argv.find((a) => !a.startsWith('-'));
  const wantsHelp = argv.length === 0 || argv.some((a) => a === '-h' || a === '--help') || first === 'help';
  if (wantsHelp || (first !== undefined && EXTRA_COMMANDS.includes(first))) {
    for (const c of await extraCommands(setExitCode)) program.addCommand(c);
  }
  program.addCommand(schemaCommand());
  program.addHelpText(
    'after',
    () => `
Check options (icp-check [check] [options] <inputs...>):
${checkOptionsHelp(check)}

Settings not given on the command line come from icp-check.config.yaml, found in the working folder or
above it (up to the repository root); --print-config shows the result.

Exit codes: 0 every filing is ready (warnings allowed unless --strict), 1 something blocks a filing,
2 a usage error or an invalid manifest.

Examples:
  icp-check manifest.yaml
  icp-check filings/ --format junit --output report.xml
  icp-check init
  icp-check explain province/guangdong/website-construction-plan`,
  );
  if (argv.length === 0) {
    program.outputHelp({ error: true });
    return 2;
  }
  // Each command is built afresh per call, so main() can run more than once in a process.
  program.commands.forEach((c) => c.exitOverride().configureOutput({ outputError: (str, write) => write(safeLines(str)) }));
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      return 2;
    }
    if (err instanceof UsageError || (err instanceof Error && err.name === 'RegulationsError')) {
      process.stderr.write(`icp-check: ${safeLines(err.message)}\n`);
      return 2;
    }
    throw err;
  }
  // Commands that set process.exitCode themselves (init) are honoured too.
  const fromCommand = typeof process.exitCode === 'number' ? process.exitCode : 0;
  return Math.max(exitCode, fromCommand);
}
