/**
 * The error of a sweep or screening design that cannot be built from what was given: a
 * malformed `--vary` or `--params`, a range outside the schema, too many points. Its message
 * names the option and says what was expected; the CLI shows it as a usage error.
 */
export class DesignError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DesignError';
  }
}
