import { CommanderError } from 'commander';
import { createContext } from './context.js';
import { CrisisError, ExitCode, InterruptedError } from '../errors.js';
import { visible } from '../text.js';
import type { IOStreams } from './io.js';
import { buildProgram } from './program.js';

/** For bin/crisis.js, which loads this module's bundle and nothing else. */
export { fdOutput } from './io.js';
export { OtherBundleNeeded } from './program.js';

/**
 * Runs one command line and returns its exit status. The one place that turns errors into a line
 * on stderr and a status; it never exits the process itself, so tests can call it in-process.
 */
export async function main(argv: string[], io: IOStreams): Promise<number> {
  let globals: { db?: string; color: boolean } = { color: true };
  const ctx = createContext(io, () => globals, argv);
  const program = await buildProgram(io, ctx, argv);
  program.hook('preAction', (command) => {
    globals = command.optsWithGlobals() as typeof globals;
  });
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return ExitCode.ok;
    }
    await program.parseAsync(argv, { from: 'user' });
    // Past its first megabyte, output is still being written when a command returns (fdOutput): a write
    // that fails then (a full disk) must still be this command's error, whichever command wrote it.
    await io.stdout.flushed?.();
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof InterruptedError) return leaveTerminalTidy(io, ctx.color());
    return report(ctx.blameDatabase(error), io);
  } finally {
    ctx.close();
  }
}

/**
 * After Ctrl-C, output stops after a whole line; but a terminal given ^C throws away the output it
 * still holds, which may cut a line or a colour sequence short. So end with the colour reset and a
 * newline: the prompt starts a line of its own, in plain colours. In a pipe nothing is lost or added.
 */
function leaveTerminalTidy(io: IOStreams, color: boolean): number {
  if (io.stdoutIsTTY) io.stdout.write(`${color ? '\u001b[0m' : ''}\n`);
  return ExitCode.interrupted;
}

function report(error: unknown, io: IOStreams): number {
  if (error instanceof CommanderError) {
    // Commander has already printed its message (through configureOutput); help and version exit 0.
    return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  }
  if (error instanceof CrisisError) {
    io.stderr.write(`crisis: ${visible(error.message)}\n`);
    // A failure blamed on a database (blameDatabase) keeps what failed, for whoever debugs it.
    if (io.env.CRISIS_DEBUG && error.cause instanceof Error) io.stderr.write(`${error.cause.stack ?? ''}\n`);
    return error.exitCode;
  }
  if ((error as NodeJS.ErrnoException | null)?.code === 'EPIPE') return ExitCode.ok;
  io.stderr.write(`crisis: unexpected error: ${visible((error as Error)?.message ?? String(error))}\n`);
  if (io.env.CRISIS_DEBUG) io.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
  return ExitCode.data;
}
