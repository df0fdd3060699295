/**
 * Ctrl-C and SIGTERM during a run: the first asks the run to stop cleanly (workers terminated,
 * no result file written, finished replications kept in the checkpoint); a second one exits at
 * once, for a user who does not want to wait. Even then the output folder is whole: a study
 * writes its final files into the checkpoint's staging folder and moves them into place so
 * that a stop at any moment leaves the old output, the new one, or a checkpoint to resume.
 * (bin/copsim.js turns a signal that comes outside these handlers into exit code 130 too.)
 */
import { EXIT } from './exit.js';

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Calls `stop` on the first SIGINT or SIGTERM and exits with code 130 on the next.
 * Returns a function that removes the handlers again.
 */
export function onInterrupt(stop: () => void): () => void {
  let received = false;
  const handle = (): void => {
    if (received) process.exit(EXIT.interrupted);
    received = true;
    stop();
  };
  for (const signal of SIGNALS) process.on(signal, handle);
  return () => {
    for (const signal of SIGNALS) process.off(signal, handle);
  };
}
