import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A subcommand: takes its arguments, writes to stdout/stderr, returns the exit code. */
export type Command = (argv: string[]) => Promise<number>;

/** Bad arguments: reported as "kblens <cmd>: <message>" with exit code 2. */
export class UsageError extends Error {}

export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export function out(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : text + '\n');
}

export function err(text: string): void {
  process.stderr.write(text.endsWith('\n') ? text : text + '\n');
}
