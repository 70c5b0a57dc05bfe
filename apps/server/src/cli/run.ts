import { parseArgs } from 'node:util';
import { ApiError } from '@concord/contracts';
import { CliError, type CliContext, type Command, type OptionSpecs, type OptionValues } from './command.ts';
import { connect, credentialsFromEnv } from './http.ts';

export const DEFAULT_URL = 'http://127.0.0.1:3000';

const GLOBAL_OPTIONS = {
  url: { type: 'string', valueName: 'URL', description: `Concord server (env CONCORD_URL, default ${DEFAULT_URL})` },
  help: { type: 'boolean', short: 'h', description: 'Show help' },
} as const satisfies OptionSpecs;

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
}

function optionLines(options: OptionSpecs): string[] {
  const rows = Object.entries(options).map(
    ([name, o]) =>
      [
        `${o.short ? `-${o.short}, ` : ''}--${name}${o.type === 'string' ? ` ${o.valueName ?? 'VALUE'}` : ''}`,
        o.description + (o.required ? ' (required)' : ''),
      ] as const,
  );
  const width = Math.max(...rows.map(([l]) => l.length));
  return rows.map(([l, d]) => `  ${l.padEnd(width)}  ${d}`);
}

function commandList(commands: readonly Command[]): string[] {
  const width = Math.max(...commands.map((c) => c.name.length));
  return commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
}

function mainHelp(commands: readonly Command[], group?: string): string {
  const shown = group ? commands.filter((c) => c.name.startsWith(group + ' ')) : commands;
  return [
    `Usage: concord ${group ? `${group} <command>` : '<command>'} [options]`,
    '',
    'Commands:',
    ...commandList(shown),
    '',
    'Global options:',
    ...optionLines(GLOBAL_OPTIONS),
    '',
    'Credentials: CONCORD_TOKEN (a personal token), or CONCORD_ADMIN_EMAIL and CONCORD_ADMIN_PASSWORD.',
    'Results are JSON on stdout; progress and errors go to stderr. Run `concord <command> --help` for details.',
    '',
  ].join('\n');
}

function commandHelp(c: Command): string {
  const required = Object.entries(c.options)
    .filter(([, o]) => o.required)
    .map(([n, o]) => `--${n} ${o.valueName ?? 'VALUE'}`);
  const optional = Object.keys(c.options).length > required.length ? ['[options]'] : [];
  return [
    `Usage: concord ${[c.name, ...required, ...(c.positionals ? [c.positionals] : []), ...optional].join(' ')}`,
    '',
    c.summary,
    ...(c.details ? ['', c.details] : []),
    '',
    'Options:',
    ...optionLines({ ...c.options, ...GLOBAL_OPTIONS }),
    '',
  ].join('\n');
}

/** The command words at the start of argv, skipping global options (`concord --url X app create --name y` → app, create). */
function leadingWords(argv: string[]): string[] {
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--url') i++;
    else if (a.startsWith('--url=') || a === '--help' || a === '-h') continue;
    else if (a.startsWith('-')) break;
    else words.push(a);
  }
  return words;
}

/** Removes the matched command words from argv, leaving options and positionals. */
function withoutWords(argv: string[], words: string[]): string[] {
  const rest = [...argv];
  for (const w of words) rest.splice(rest.indexOf(w), 1);
  return rest;
}

function parse(c: Command, args: string[]) {
  const specs: OptionSpecs = { ...c.options, ...GLOBAL_OPTIONS };
  const options = Object.fromEntries(Object.entries(specs).map(([n, o]) => [n, o.short ? { type: o.type, short: o.short } : { type: o.type }]));
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: c.positionals !== undefined });
  } catch (err) {
    throw new CliError('cli.usage', `${err instanceof Error ? err.message : String(err)}\nSee: concord ${c.name} --help`, 2);
  }
}

function report(io: CliIo, err: unknown): number {
  if (err instanceof CliError) {
    io.stderr(`concord: ${err.code === 'cli.usage' ? '' : `${err.code}: `}${err.message}\n`);
    return err.exitCode;
  }
  if (err instanceof ApiError) {
    io.stderr(`concord: ${err.code} (HTTP ${err.status}): ${err.message}\n`);
    return 1;
  }
  io.stderr(`concord: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  return 1;
}

/**
 * Runs one CLI invocation and returns its exit code: 0 success, 1 failure (server, network), 2 wrong usage.
 * @example process.exitCode = await runCli(COMMANDS, process.argv.slice(2), io)
 */
export async function runCli(commands: readonly Command[], argv: string[], io: CliIo): Promise<number> {
  const words = leadingWords(argv);
  const wantsHelp = argv.includes('--help') || argv.includes('-h');
  const command = [...commands].sort((a, b) => b.name.length - a.name.length).find((c) => c.name.split(' ').every((w, i) => words[i] === w));
  if (!command) {
    const group = words[0] && commands.some((c) => c.name.startsWith(words[0] + ' ')) ? words[0] : undefined;
    if (wantsHelp || (group && words.length === 1)) {
      (wantsHelp ? io.stdout : io.stderr)(mainHelp(commands, group));
      return wantsHelp ? 0 : 2;
    }
    io.stderr((words.length ? `concord: unknown command "${words.join(' ')}"\n\n` : '') + mainHelp(commands));
    return 2;
  }
  try {
    const { values, positionals } = parse(command, withoutWords(argv, command.name.split(' ')));
    if (values.help) {
      io.stdout(commandHelp(command));
      return 0;
    }
    for (const [name, o] of Object.entries(command.options)) {
      if (o.required && (values[name] === undefined || values[name] === '')) {
        throw new CliError('cli.usage', `missing --${name} ${o.valueName ?? 'VALUE'}\nSee: concord ${command.name} --help`, 2);
      }
    }
    const raw = (typeof values.url === 'string' ? values.url : undefined) ?? io.env.CONCORD_URL ?? DEFAULT_URL;
    if (!URL.canParse(raw)) throw new CliError('cli.usage', `not a URL: ${raw}`, 2);
    const url = raw.replace(/\/+$/, '');
    const locale = /^zh/i.test(io.env.LC_ALL || io.env.LANG || '') ? 'zh-CN' : 'en';
    const ctx: CliContext = { url, env: io.env, server: connect(url, credentialsFromEnv(io.env), locale), info: (line) => io.stderr(line + '\n') };
    // parseArgs was given exactly these specs and required options were checked above, so the values have this shape.
    const result = await command.run(ctx, values as unknown as OptionValues<OptionSpecs>, positionals);
    if (result !== undefined) io.stdout(JSON.stringify(result, null, 2) + '\n');
    return 0;
  } catch (err) {
    return report(io, err);
  }
}
