/**
 * The limits on what copsim reads as a scenario or hypothesis file, from a file, standard input
 * or `--set`. They are far above what any scenario needs and keep every read bounded in time
 * and memory: a file that breaks one is refused with a message naming the limit, before the
 * parser can be made to work for minutes or run out of memory.
 *
 * docs/SETTINGS.md lists them (rendered from these constants by `npm run docs`).
 */

/** The largest file (or standard input) read, in bytes: 1 MiB. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** The deepest nesting of lists and mappings, the top-level mapping counting as 1. */
export const MAX_DEPTH = 32;

/** The most values (mappings, lists and scalars) a document may hold, with every YAML alias expanded. */
export const MAX_VALUES = 100_000;

/** The most problems one error message lists; the rest are counted. */
export const MAX_ISSUES_SHOWN = 50;

/** The longest excerpt of a found value that a message quotes, in characters. */
export const MAX_EXCERPT = 40;

/** The limits in words, one line each, for the documentation. */
export const LIMIT_LINES: readonly string[] = [
  `A file (or standard input) holds at most ${MAX_FILE_BYTES.toLocaleString('en')} bytes (1 MiB) and must be a regular file (not a folder, device, FIFO or socket); a symbolic link is followed to a regular file.`,
  'The text is UTF-8, with or without a byte-order mark; UTF-16 and other encodings are refused, and so are control characters (other than tab, line feed and carriage return) anywhere in the file.',
  `Lists and mappings nest at most ${MAX_DEPTH} levels deep, the top-level mapping being level 1.`,
  `A document holds at most ${MAX_VALUES.toLocaleString('en')} values (mappings, lists and scalars), with every YAML alias expanded: aliases are allowed, but a chain of aliases that multiplies the document (a "billion laughs") is refused. An alias must follow its anchor and may not refer to the node that contains it.`,
  'YAML: one document per file, YAML 1.2 only (a `%YAML` directive other than 1.2, and other directives, are refused), the core schema\'s tags only (`!!str`, `!!int`, `!!float`, `!!bool`, `!!null`, `!!map`, `!!seq`; any other tag is refused), keys are plain text and appear once per mapping.',
  'JSON: each key appears once per object (a repeated key is refused, as in YAML, rather than the last one silently winning).',
  'The key `__proto__` is refused everywhere.',
  'Names and labels (`name`, `cops[].name`, `events[].label`, ids) hold no control characters at all; longer texts (`description`, `source`) may hold line breaks and tabs but no other control character.',
];
