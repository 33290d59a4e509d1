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

/** Colour only on a terminal, never with NO_COLOR set (to anything but empty) or --no-color. */
export function colorEnabled(io: IOStreams, colorOption: boolean): boolean {
  return io.stdoutIsTTY && colorOption && !io.env.NO_COLOR;
}
