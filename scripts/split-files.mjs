// For scripts/sizes: prints each split point of the build in dist/ and the
// files its page loads, one line each: `<split> <file> <file>…`.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { splitFiles } from './split-wasm.mjs';

const dist = process.argv[2] || 'dist';
const loader = readdirSync(dist).find((f) => f.endsWith('-split.js'));
if (!loader) throw new Error(`no *-split.js in ${dist}: not a split build`);
for (const [split, files] of Object.entries(splitFiles(readFileSync(path.join(dist, loader), 'utf8'))).sort()) {
  console.log(split, ...files);
}
