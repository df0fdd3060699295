/**
 * Reading a file's bytes with bounds, and turning them into text: regular files only (checked on
 * the opened file, so a symbolic link to /dev/zero or a FIFO is refused rather than read
 * forever), at most `MAX_FILE_BYTES`, strict UTF-8 without control characters.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { MAX_FILE_BYTES } from './limits.js';

/** A file that cannot be read as a whole; `reason` says why, in words. */
export class UnreadableFile extends Error {
  readonly reason: string;

  constructor(reason: string) {
    super(reason);
    this.name = 'UnreadableFile';
    this.reason = reason;
  }
}

/** A text that is not a scenario's plain UTF-8; `line` and `column` are 1-based. */
export class BadText extends Error {
  readonly line: number;
  readonly column: number;

  constructor(message: string, line: number, column: number) {
    super(message);
    this.name = 'BadText';
    this.line = line;
    this.column = column;
  }
}

/** What a file that is not regular is, for messages: 'a directory', 'a character device', ... */
export function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** The limit in words, for messages. */
export function sizeLimitText(): string {
  return `at most ${MAX_FILE_BYTES} bytes (1 MiB)`;
}

/** Why a file-system call failed, in words. */
export function readFailure(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  if (code === 'ENXIO') return 'it is a socket or a device without a reader';
  if (code === 'ENOTDIR') return 'a part of the path is not a directory';
  return typeof code === 'string' ? code : String(error);
}

/**
 * The bytes of a regular file of at most `MAX_FILE_BYTES`. The file is opened without blocking
 * (so a FIFO does not wait for a writer) and checked through the open descriptor, so what is
 * checked is what is read; the read stops one byte past the limit, so a file that grows is
 * refused too.
 *
 * @throws UnreadableFile naming the reason: missing, not a regular file, too big, unreadable
 */
export function readBoundedFile(file: string): Buffer {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw new UnreadableFile(readFailure(error));
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new UnreadableFile(`it is ${kindOf(stats)}; copsim reads regular files only`);
    if (stats.size > MAX_FILE_BYTES) {
      throw new UnreadableFile(`it has ${stats.size} bytes; copsim reads files of ${sizeLimitText()}`);
    }
    const buffer = Buffer.alloc(MAX_FILE_BYTES + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > MAX_FILE_BYTES) throw new UnreadableFile(`it has more than ${MAX_FILE_BYTES} bytes; copsim reads files of ${sizeLimitText()}`);
    }
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof UnreadableFile) throw error;
    throw new UnreadableFile(readFailure(error));
  } finally {
    closeSync(fd);
  }
}

/** Line and column (1-based) of a character offset in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/** Control characters no scenario text holds raw: C0 but tab, LF and CR; DEL; C1 but NEL. */
const RAW_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F]/;

/** `U+0007`, the usual way to name a character. */
export function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Where the first invalid UTF-8 sequence is: its line exactly, its column as far as decoding tells. */
function firstInvalidUtf8(bytes: Buffer): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (;;) {
    const end = bytes.indexOf(0x0a, start);
    const slice = bytes.subarray(start, end < 0 ? bytes.length : end);
    if (!isUtf8(slice)) {
      const at = slice.toString('utf8').indexOf('\uFFFD');
      return { line, column: at < 0 ? 1 : at + 1 };
    }
    if (end < 0) return { line, column: 1 };
    line++;
    start = end + 1;
  }
}

/**
 * The text of a file's bytes: UTF-8, a byte-order mark dropped.
 *
 * @throws BadText for UTF-16 or UTF-32 (by their byte-order mark), invalid UTF-8 or a control
 *   character, with the line and column
 */
export function decodeText(bytes: Buffer): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new BadText('the file is UTF-16 or UTF-32 encoded (it starts with that byte-order mark); save it as UTF-8', 1, 1);
  }
  if (!isUtf8(bytes)) {
    const at = firstInvalidUtf8(bytes);
    throw new BadText('the file is not valid UTF-8 (a byte sequence that encodes no character); save it as UTF-8', at.line, at.column);
  }
  const text = bytes.toString('utf8');
  return checkText(text.startsWith('\uFEFF') ? text.slice(1) : text);
}

/**
 * `text` itself when it holds no raw control character (tab, line feed and carriage return are
 * fine).
 *
 * @throws BadText naming the character and where it is
 */
export function checkText(text: string): string {
  const match = RAW_CONTROL.exec(text);
  if (match === null) return text;
  const { line, column } = lineColumn(text, match.index);
  throw new BadText(`control character ${codePoint(match[0])}: expected plain text`, line, column);
}
