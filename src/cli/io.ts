/** Anything text can be written to: process.stdout in the binary, a buffer in tests. */
export interface Output {
  /** False when the stream holds more than it wants: wait for 'drain' before writing more. */
  write(chunk: string): unknown;
  once?(event: 'drain', listener: () => void): unknown;
}

/** Where a command writes, and what it knows of the terminal; passed in so tests need no subprocess. */
export interface IOStreams {
  stdout: Output;
  stderr: Output;
  /** Whether stdout is a terminal: tables and colour there, plain tab-separated text in a pipe. */
  stdoutIsTTY: boolean;
  /** Terminal width in characters, when stdout is a terminal. */
  columns?: number;
  env: Record<string, string | undefined>;
  /** Aborted when the user presses Ctrl-C, so long output can stop at a whole line. */
  interrupted?: AbortSignal;
}

/** Tables are fitted to this width when the terminal does not say its own (nor COLUMNS does). */
const DEFAULT_WIDTH = 100;

/**
 * Whether to colour, in order: --no-color and NO_COLOR (set to anything but empty) always turn it off;
 * FORCE_COLOR turns it on even in a pipe (FORCE_COLOR=0 or false turns it off); TERM=dumb is a terminal
 * that cannot show it; otherwise colour exactly when stdout is a terminal. Chalk reads none of these
 * itself here, since it is given its level.
 */
export function colorEnabled(io: IOStreams, colorOption: boolean): boolean {
  if (!colorOption || io.env.NO_COLOR) return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (io.env.TERM === 'dumb') return false;
  return io.stdoutIsTTY;
}

/** The width to fit tables and text to: the terminal's, else COLUMNS, else 100. */
export function outputWidth(io: IOStreams): number {
  if (io.columns && io.columns > 0) return io.columns;
  const fromEnv = Number(io.env.COLUMNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_WIDTH;
}
