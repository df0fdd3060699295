/**
 * Ctrl-C and SIGTERM during a run: the first asks the run to stop cleanly (workers terminated,
 * nothing written); a second one exits at once, for a user who does not want to wait.
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
