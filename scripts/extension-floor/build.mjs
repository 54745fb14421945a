// A copy of the shipped extension whose only content script is the floor (content-script.js here), for
// scripts/bench-extension.mjs. The service worker, options page and stylesheet stay as shipped, so the
// harness sets it up the same way; the shipped folder itself is never changed.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const SHIPPED = join(HERE, '..', '..', 'extension');
const SCRIPT = 'benchmark-floor.js';

/** @returns {{ dir: string, remove: () => void }} */
export function buildFloorExtension() {
  const dir = mkdtempSync(join(tmpdir(), 'botlens-floor-'));
  cpSync(SHIPPED, dir, { recursive: true });
  cpSync(join(HERE, 'content-script.js'), join(dir, SCRIPT));
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  for (const entry of manifest.content_scripts) entry.js = [SCRIPT];
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
