/**
 * `concord`: a command-line client of a running Concord server over HTTP (`apps/server/bin/concord.mjs` runs this).
 * A new command is one `<group>.command.ts` file plus one entry in COMMANDS.
 */
import type { Command } from './command.ts';
import { runCli } from './run.ts';
import { appCommands } from './app.command.ts';
import { tokenCommands } from './token.command.ts';
import { demoCommand } from './demo.command.ts';
import { healthCommand } from './health.command.ts';
import { importCommand } from './import.command.ts';
import { crmCommands } from './crm.command.ts';

export const COMMANDS: readonly Command[] = [...appCommands, ...tokenCommands, demoCommand, healthCommand, importCommand, ...crmCommands];

process.exitCode = await runCli(COMMANDS, process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
});
