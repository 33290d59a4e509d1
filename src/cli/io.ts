import { write as fsWrite, writeSync } from 'node:fs';

/** Anything text can be written to: process.stdout in the binary, a buffer in tests. */
export interface Output {
  /** False when the stream holds more than it wants: wait for 'drain' before writing more. */
  write(chunk: string): unknown;
  once?(event: 'drain', listener: () => void): unknown;
  /** Settles once everything written has reached its destination, rejecting with the error that stopped it. */
  flushed?(): Promise<void>;
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
  interrupted?: Interruption;
}

/**
 * Whether Ctrl-C has been pressed: an AbortSignal will do, and the binary passes a plain object, as making an
 * AbortController loads a module of Node's at every start.
 */
export interface Interruption {
  readonly aborted: boolean;
}

/** Tables are fitted to this width when neither COLUMNS nor the terminal says one. */
const DEFAULT_WIDTH = 80;

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

/** The width to fit tables and text to: COLUMNS (to fit another width), else the terminal's, else 80. */
export function outputWidth(io: IOStreams): number {
  const fromEnv = Number(io.env.COLUMNS);
  if (io.env.COLUMNS && Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return io.columns && io.columns > 0 ? io.columns : DEFAULT_WIDTH;
}

/** For a sleep between retries: Atomics.wait blocks the thread without spinning. Made on the first retry, which few outputs meet. */
let pause: Int32Array | undefined;

/** Long output is written in batches of at least this many characters (so as many bytes or more), short output at once. */
export const OUTPUT_BATCH = 64 * 1024;

/** Bytes fdOutput holds queued for the descriptor before it asks its writer to wait for 'drain'. */
const QUEUE_LIMIT = 4 * OUTPUT_BATCH;

/** Output up to this long is written synchronously: a lookup's answer should not wait for libuv's threads to start. */
const SYNCHRONOUS_OUTPUT = 1024 * 1024;

/**
 * Writes straight to a file descriptor (1 for stdout). Touching process.stdout builds a stream, and loads
 * Node's stream and net modules, that a lookup would wait for; a pipe or file written with fs needs none of it.
 *
 * The first megabyte is written synchronously, as is every short output. Past it, the batches of a long
 * output go in order through fs.write, one at a time, on libuv's thread pool: while the reader of a pipe
 * drains one batch, this thread makes the next, where writing synchronously would wait for the reader at
 * every batch. write() returns false when the queue holds QUEUE_LIMIT bytes; 'drain' follows when it holds
 * less. flushed() settles once every byte is written, or with the first error.
 *
 * A reader that goes away raises EPIPE, which main() reports as success. A descriptor another process left
 * non-blocking may refuse a write while its pipe is full (EAGAIN): wait a millisecond and write the rest,
 * as sonic-boom does.
 */
export function fdOutput(fd: number): Output & { flushed(): Promise<void> } {
  let queue: Buffer[] = [];
  let queued = 0;
  let writtenSynchronously = 0;
  let writing = false;
  let failure: Error | undefined;
  const drained: (() => void)[] = [];
  const settled: { resolve: () => void; reject: (error: Error) => void }[] = [];

  const settle = () => {
    if (queued < QUEUE_LIMIT || failure) for (const listener of drained.splice(0)) listener();
    if ((writing || queue.length) && !failure) return;
    for (const waiter of settled.splice(0)) failure ? waiter.reject(failure) : waiter.resolve();
  };
  const writeNext = () => {
    if (writing || failure || !queue.length) return settle();
    let bytes = queue.length === 1 ? queue[0]! : Buffer.concat(queue);
    queue = [];
    writing = true;
    const written = (error: NodeJS.ErrnoException | null, count: number) => {
      if (error?.code === 'EAGAIN') return void setTimeout(() => write(bytes), 1);
      if (error) {
        failure = error;
        queue = [];
        queued = 0;
        writing = false;
        return settle();
      }
      queued -= count;
      bytes = bytes.subarray(count);
      if (bytes.length) return write(bytes);
      writing = false;
      writeNext();
    };
    const write = (rest: Buffer) => fsWrite(fd, rest, 0, rest.length, null, written);
    write(bytes);
  };

  return {
    write(chunk: string) {
      if (failure) throw failure;
      let bytes = Buffer.from(chunk);
      if (!writing && !queue.length && writtenSynchronously + bytes.length <= SYNCHRONOUS_OUTPUT) {
        writtenSynchronously += bytes.length;
        while (bytes.length) {
          try {
            bytes = bytes.subarray(writeSync(fd, bytes));
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
            Atomics.wait((pause ??= new Int32Array(new SharedArrayBuffer(4))), 0, 0, 1);
          }
        }
        return true;
      }
      queue.push(bytes);
      queued += bytes.length;
      writeNext();
      return queued < QUEUE_LIMIT;
    },
    once(_event: 'drain', listener: () => void) {
      drained.push(listener);
      settle();
    },
    flushed() {
      return new Promise((resolve, reject) => {
        settled.push({ resolve, reject });
        settle();
      });
    },
  };
}
