/**
 * Ends the CLI quietly, with status 0, once whoever reads `stream` has gone
 * (`paperbot search --json … | head -1`), as Unix tools do.
 *
 * NOTE: Node ignores SIGPIPE, so a write to a closed pipe fails with EPIPE, emitted as an 'error'
 * event on the stream; unhandled, that is a crash with a stack trace. Any other error is thrown
 * as before. The exit is at once: there is no one left to read the rest.
 *
 * @example exitQuietlyOnClosedPipe(process.stdout);
 */
export function exitQuietlyOnClosedPipe(stream: NodeJS.WritableStream, exit: (code: number) => void = (code) => process.exit(code)): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    exit(0);
  });
}
