/**
 * A file-system error (one with an `errno` code such as EACCES) in words, for messages that
 * name the user's path: the one formatting the CLI and the study verbs share.
 */

/** A path copsim will not replace because it is not a regular file (a device, FIFO, folder, ...). */
export class NotRegularFile extends Error {
  /** A code like the file system's, so every caller that reports file-system errors reports this one. */
  readonly code = 'ENOTREGULAR';
  readonly path: string;
  readonly reason: string;

  constructor(path: string, reason: string) {
    super(`${path}: ${reason}; copsim replaces regular files only`);
    this.name = 'NotRegularFile';
    this.path = path;
    this.reason = reason;
  }
}

/**
 * "reason (CODE)" for a file-system error, or undefined for any other error.
 *
 * @example fileSystemReason(enoent) // → 'no such file or directory (ENOENT)'
 */
export function fileSystemReason(error: unknown): string | undefined {
  if (error instanceof NotRegularFile) return `${error.reason}; copsim replaces regular files only`;
  if (!(error instanceof Error) || typeof (error as NodeJS.ErrnoException).code !== 'string') return undefined;
  const code = (error as NodeJS.ErrnoException).code as string;
  return `${error.message.replace(/^[A-Z]+: /, '').replace(/,.*$/, '')} (${code})`;
}
