/**
 * Writes the generated references `docs/PARAMETERS.md` and `docs/SETTINGS.md`
 * (`npm run docs`). Each file is written to a temporary name in the same directory and renamed,
 * so readers never see half a file.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeFileAtomic } from '../output/atomic.js';
import { makeDirectory } from '../output/directory.js';
import { renderParameterReference, renderSettingsReference } from './parameters-doc.js';
import { reportWrites } from './report-writes.js';

/** The package's docs/ directory (the same from src/docs and dist/docs). */
export function docsDir(): string {
  return fileURLToPath(new URL('../../docs/', import.meta.url));
}

/** The generated files by name, with their content. */
function generatedDocs(): Record<string, string> {
  return {
    'PARAMETERS.md': renderParameterReference(),
    'SETTINGS.md': renderSettingsReference(),
  };
}

/** Writes the generated references into `dir` (default the package's docs/); returns the paths written. */
export async function writeDocs(dir: string = docsDir()): Promise<string[]> {
  await makeDirectory(dir);
  const written: string[] = [];
  for (const [name, text] of Object.entries(generatedDocs())) {
    const path = join(dir, name);
    await writeFileAtomic(path, text);
    written.push(path);
  }
  return written;
}

// Run as a script (node dist/docs/write-docs.js), not when imported.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await reportWrites(Object.keys(generatedDocs()).map((name) => join(docsDir(), name)), () => writeDocs());
}
