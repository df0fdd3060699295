/**
 * openInBrowser: a file opened in the default browser, the way the desktop opens it (`open` on
 * macOS, `start` on Windows, `xdg-open` elsewhere). The opener is started and left to run; a
 * desktop without one is no error, the caller prints the file's path either way.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Asks the desktop to open `path` in the default browser; resolves to whether an opener started.
 *
 * @example await openInBrowser('copsim-out/baseline/explore.html') // → true where a desktop is
 */
export function openInBrowser(path: string, platform: NodeJS.Platform = process.platform): Promise<boolean> {
  const url = pathToFileURL(resolve(path)).href;
  const [command, args] =
    platform === 'darwin' ? ['open', [url]] : platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  return new Promise((done) => {
    try {
      const child = spawn(command, args as string[], { detached: true, stdio: 'ignore' });
      child.once('error', () => done(false));
      child.once('spawn', () => {
        child.unref();
        done(true);
      });
    } catch {
      done(false);
    }
  });
}
