import type { Connection } from './http.ts';

/** One option of a command, with what `--help` shows for it. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  description: string;
  /** Placeholder in help, e.g. `NAME`. */
  valueName?: string;
  required?: boolean;
  short?: string;
}
export type OptionSpecs = Record<string, OptionSpec>;

/** Parsed option values, typed from the specs: required strings are `string`, others may be absent. */
export type OptionValues<O extends OptionSpecs> = {
  [K in keyof O]: O[K]['type'] extends 'boolean' ? boolean | undefined : O[K]['required'] extends true ? string : string | undefined;
};

export interface CliContext {
  /** Base URL of the Concord server, without a trailing slash. */
  url: string;
  env: NodeJS.ProcessEnv;
  /** The server, signed in lazily on the first call that needs it. */
  server: Connection;
  /** Progress and hints for humans: stderr, so stdout stays machine-readable JSON. */
  info(line: string): void;
}

/**
 * A CLI command: `name` is the words typed after `concord` ("app create"). `run` returns what is printed as JSON on
 * stdout (nothing when it returns undefined).
 */
export interface Command<O extends OptionSpecs = OptionSpecs> {
  name: string;
  summary: string;
  /** Extra lines for `--help`. */
  details?: string;
  options: O;
  /** Usage of positional arguments, e.g. `FILE`; commands without it refuse positionals. */
  positionals?: string;
  // Method syntax keeps commands with different option types assignable to Command (bivariant parameters).
  run(ctx: CliContext, values: OptionValues<O>, positionals: string[]): Promise<unknown>;
}

/**
 * Declares a command with its options typed.
 * @example export const health = defineCommand({ name: 'health', summary: '…', options: {}, run: (ctx) => ctx.server.get('/api/v1/health') })
 */
export function defineCommand<const O extends OptionSpecs>(command: Command<O>): Command<O> {
  return command;
}

/** A failure to report: `code` and `message` go to stderr; `exitCode` 2 means wrong usage, 1 anything else. */
export class CliError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
