// Fails the build when the JavaScript the first page loads exceeds its budget, gzipped: the entry chunk and
// everything it imports statically (index.html's module preloads). Lazy chunks, such as the SQL editor, are
// loaded on the page that needs them and are reported, not counted.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const BUDGET = 150 * 1024;
const root = 'target/classes/META-INF/resources';
const html = readFileSync(join(root, 'index.html'), 'utf8');
const firstPage = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
const size = (file) => gzipSync(readFileSync(join(root, file))).length;
const first = firstPage.reduce((sum, f) => sum + size(f), 0);
for (const f of readdirSync(join(root, 'assets')).filter((f) => f.endsWith('.js'))) {
  const path = `assets/${f}`;
  console.log(`${firstPage.includes(path) ? 'first page' : 'lazy      '}  ${(size(path) / 1024).toFixed(1).padStart(7)} KB gz  ${path}`);
}
console.log(`first page JavaScript: ${(first / 1024).toFixed(1)} KB gzipped (budget ${BUDGET / 1024} KB)`);
if (firstPage.length === 0 || first > BUDGET) {
  console.error(firstPage.length === 0 ? 'no script found in index.html' : 'over budget');
  process.exit(1);
}
