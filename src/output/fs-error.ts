/**
 * A file-system error (one with an `errno` code such as EACCES) in words, for messages that
 * name the user's path: the one formatting the CLI and the study verbs share.
 */

/**
 * "reason (CODE)" for a file-system error, or undefined for any other error.
 *
 * @example fileSystemReason(enoent) // → 'no such file or directory (ENOENT)'
 */
export function fileSystemReason(error: unknown): string | undefined {
  if (!(error instanceof Error) || typeof (error as NodeJS.ErrnoException).code !== 'string') return undefined;
  const code = (error as NodeJS.ErrnoException).code as string;
  return `${error.message.replace(/^[A-Z]+: /, '').replace(/,.*$/, '')} (${code})`;
}
