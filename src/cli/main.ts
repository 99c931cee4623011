import { buildIndexCommand } from './commands/build-index';
import { lookupCommand } from './commands/lookup';
import { scanCommand } from './commands/scan';
import { searchCommand } from './commands/search';
import { UsageError, type Command } from './command';

const COMMANDS: Record<string, Command> = {
  'build-index': buildIndexCommand,
  lookup: lookupCommand,
  scan: scanCommand,
  search: searchCommand,
};

const HELP = `kblens: KB articles, NDRs and error messages from a terminal

Usage:
  kblens build-index --corpus <folder|.tar.gz> --out <dir>
  kblens lookup <KB number> [--json]          Q227142, KB227142, 227142, support.microsoft.com/kb/227142
  kblens lookup "<build>" [--json]            store.exe 5.5.2448.0, exchange 5.5 build 2650: its release
  kblens scan <file>... [--json]              text, HTML, .eml, or a ticket export (.csv, .jsonl); - for stdin
  kblens search "<query>" [--json] [--limit N]

Options:
  --index <dir>   the index to read (default: the bundled one, or $KBLENS_INDEX)
  --json          machine-readable output (a stable format)
  -h, --help      this help
`;

/** Runs one CLI invocation and returns its exit code: 0 ok, 1 not found / nothing to do, 2 usage or input error. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '-h' || name === '--help' || name === 'help') {
    process.stdout.write(HELP);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`kblens: unknown command "${name}"\n\n${HELP}`);
    return 2;
  }
  try {
    return await command(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`kblens ${name}: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`kblens ${name}: ${(e as Error).message}\n`);
    return 2;
  }
}
