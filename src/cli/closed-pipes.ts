/**
 * Output piped into `head`, `less` or a pipe that is already closed: the reader is gone, so there is no one
 * to tell. Node ignores SIGPIPE, and a write to a closed pipe then raises EPIPE as an unhandled 'error'
 * event with a stack trace. Instead, the rest of the output is dropped quietly and the command finishes
 * with its own exit code (0/1/2 still mean what they mean, e.g. under `set -o pipefail`).
 */
const CLOSED_PIPE_CODES = new Set(['EPIPE', 'ERR_STREAM_DESTROYED']);

const guarded = new WeakSet<NodeJS.WriteStream>();

/** Installs the guard on stdout and stderr (once per stream, however often the CLI runs in one process). */
export function dropOutputToClosedPipes(streams: NodeJS.WriteStream[] = [process.stdout, process.stderr]): void {
  for (const stream of streams) {
    if (guarded.has(stream)) continue;
    guarded.add(stream);
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (CLOSED_PIPE_CODES.has(err.code ?? '')) return;
      // Any other output error is a real failure: as before, it is thrown (uncaught).
      throw err;
    });
  }
}
