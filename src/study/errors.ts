/**
 * The error of a study's options: a value out of range, a missing scenario, a folder that
 * cannot be written. The message names the option and what was expected; the CLI prints it
 * and exits with code 2.
 */
export class StudyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StudyError';
  }
}
