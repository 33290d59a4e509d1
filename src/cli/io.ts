import { writeSync } from 'node:fs';

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

/** For a sleep between retries: Atomics.wait blocks the thread without spinning. */
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes straight to a file descriptor (1 for stdout), synchronously. Touching process.stdout builds a
 * stream (and loads Node's stream and net modules) that costs a lookup several milliseconds; a pipe or
 * file written with writeSync needs none of it. A reader that goes away raises EPIPE here, which main()
 * reports as success. A descriptor another process left non-blocking may refuse a write while its pipe
 * is full (EAGAIN): wait a millisecond and write the rest, as sonic-boom does.
 */
export function fdOutput(fd: number): Output {
  return {
    write(chunk: string) {
      let bytes = Buffer.from(chunk);
      while (bytes.length) {
        try {
          bytes = bytes.subarray(writeSync(fd, bytes));
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
          Atomics.wait(pause, 0, 0, 1);
        }
      }
      return true;
    },
  };
}
