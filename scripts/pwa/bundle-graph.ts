/**
 * Which built files a page loads: the files whose names appear in the page, then in those files,
 * and so on. Built names carry content hashes, so a name in a file's text is a reference to it.
 * Pure, for the precache plan (precache.ts) and the size budget (scripts/size.ts).
 */
import path from 'node:path';

export interface BuiltFile {
  readonly fileName: string;
  readonly source: string | Uint8Array;
}

/** Files that can name others; images and binaries name nothing. */
const TEXT_EXTENSIONS = new Set(['.html', '.js', '.css', '.webmanifest', '.json']);

function textOf(file: BuiltFile): string | null {
  if (!TEXT_EXTENSIONS.has(path.extname(file.fileName))) return null;
  return typeof file.source === 'string' ? file.source : new TextDecoder().decode(file.source);
}

/** `entry` and every built file reached from it (file names relative to the output folder). */
export function reachableFiles(built: readonly BuiltFile[], entry: string): Set<string> {
  const byName = new Map(built.map((file) => [file.fileName, file]));
  const reached = new Set<string>();
  const pending = [entry];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    const file = byName.get(name);
    if (!file || reached.has(name)) continue;
    reached.add(name);
    const text = textOf(file);
    if (text === null) continue;
    for (const other of built) {
      if (!reached.has(other.fileName) && text.includes(path.basename(other.fileName))) {
        pending.push(other.fileName);
      }
    }
  }
  return reached;
}
