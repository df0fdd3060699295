/**
 * Where the CLI writes: data to `out` (stdout), messages and progress to `err` (stderr).
 * Passed to every command rather than reaching for `process`, so commands stay testable.
 */
export interface Io {
  /** Writes data (tables, JSON) as is. */
  readonly out: (text: string) => void;
  /** Writes messages and progress as is. */
  readonly err: (text: string) => void;
  /** Whether stderr is a terminal, i.e. whether a redrawn progress bar makes sense. */
  readonly errIsTTY: boolean;
  /** Terminal width of stderr, for the progress bar, as it is now (a terminal may be resized). Default 80 when unknown. */
  readonly errColumns: number;
}

/** The process's own stdout and stderr. */
export function processIo(): Io {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    errIsTTY: process.stderr.isTTY === true,
    get errColumns() {
      return process.stderr.columns || 80;
    },
  };
}
