// Trunk post_build hook (Trunk.toml). For every build it first splits the
// wasm by page (scripts/split-wasm.mjs). For a release build it then
//  1. writes sw.js: a service worker that precaches every file of this build,
//     under a cache name derived from the files' contents, so a new build gets
//     a new cache and hashed files never go stale;
//  2. adds a Content-Security-Policy meta tag to index.html that allows its
//     inline scripts (Trunk's loader, the theme script in index.html) by their
//     hashes (no 'unsafe-inline', no 'unsafe-eval').
//  3. copies the bank's text files beside the app: chunks of whole questions,
//     gzipped, named by the FNV-1a 64 of their bytes (`bank-<hex>.bin`), which
//     crates/core's build script wrote into cargo's OUT_DIR (bank_text_<n>.gz,
//     listed with each question's chunk in bank_chunks.json); the loader in
//     index.html gets that list, to fetch a deep link's chunk at once.
// For a dev build it writes a service worker that caches nothing, so
// `trunk serve` always shows the latest code.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { splitWasm } from './split-wasm.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
// "./" (Trunk.toml): the precache list is relative to the worker's folder,
// which is the app's, wherever it is deployed.
const publicUrl = process.env.TRUNK_PUBLIC_URL || './';
const release = process.env.TRUNK_PROFILE === 'release';
if (!staging) throw new Error('run by Trunk: TRUNK_STAGING_DIR is not set');

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

const indexPath = path.join(staging, 'index.html');
let html = readFileSync(indexPath, 'utf8');

/** FNV-1a, 64 bits, as opsdrill_text::fingerprint computes it. */
function fnv1a64(bytes) {
  let hash = 0xcbf29ce484222325n;
  for (const byte of bytes) hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * 0x100000001b3n);
  return hash.toString(16).padStart(16, '0');
}

const targetDir = process.env.CARGO_TARGET_DIR || path.join(process.env.TRUNK_SOURCE_DIR || '.', 'target');
const split = await splitWasm({
  staging,
  cargoOut: path.join(targetDir, 'wasm32-unknown-unknown', release ? 'release' : 'debug'),
  name: 'opsdrill',
  release,
});
html = html
  .replaceAll(split.trunkJs, split.js)
  .replaceAll(split.trunkWasm, split.wasm)
  .replaceAll('__OPSDRILL_SPLIT_JS__', split.loader);
const wasmName = split.wasm;
const wasmText = readFileSync(path.join(staging, wasmName)).toString('latin1');
const outDirs = readdirSync(path.join(targetDir, 'wasm32-unknown-unknown'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => path.join(targetDir, 'wasm32-unknown-unknown', d.name, 'build'))
  .filter((dir) => existsSync(dir))
  .flatMap((dir) => readdirSync(dir).filter((d) => d.startsWith('opsdrill-core-')).map((d) => path.join(dir, d, 'out')))
  .filter((dir) => existsSync(path.join(dir, 'bank_chunks.json')));
// The build script's output for this wasm: the one whose file names it carries.
const found = outDirs
  .map((dir) => ({ dir, chunks: JSON.parse(readFileSync(path.join(dir, 'bank_chunks.json'), 'utf8')) }))
  .find(({ chunks }) => chunks.files.every((name) => wasmText.includes(name)));
if (!found) throw new Error(`no bank text files for ${wasmName} in ${targetDir}: build crates/core for wasm32 first`);
found.chunks.files.forEach((name, n) => {
  const file = path.join(found.dir, `bank_text_${n}.gz`);
  if (`bank-${fnv1a64(readFileSync(file))}.bin` !== name) throw new Error(`${file} is not ${name}`);
  copyFileSync(file, path.join(staging, name));
});
const bankName = `${found.chunks.files.length} bank text files`;
html = html.replaceAll('__OPSDRILL_BANK__', JSON.stringify(found.chunks));
html = html.replaceAll('__OPSDRILL_PRACTICE_CHUNK__', JSON.stringify(split.splits.practice));
writeFileSync(indexPath, html);

if (release) {
  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    ([, body]) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`,
  );
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    // Playing recordings back: `<audio>` with a blob URL of the stored audio.
    "media-src 'self' blob:",
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
  html = html.replace(/(<meta charset="[^"]*" \/>)/i, `$1\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
  writeFileSync(indexPath, html);
}

const precache = files(staging)
  .map((full) => path.relative(staging, full).split(path.sep).join('/'))
  .filter((name) => name !== 'sw.js' && !name.startsWith('.'))
  .sort();
const version = createHash('sha256');
for (const name of precache) version.update(name).update(readFileSync(path.join(staging, name)));
const cacheName = `opsdrill-${version.digest('hex').slice(0, 16)}`;
const urls = [publicUrl, ...precache.map((name) => publicUrl + name)];

const worker = release
  ? `// Generated by scripts/post-build.mjs for this build. Do not edit.
// Caches are per origin, and two copies of the app may share one (at /a/ and
// /b/): each copy's cache names carry its folder, and it deletes only its own.
const SCOPE = new URL('./', self.location).pathname;
const PREFIX = 'opsdrill:' + SCOPE + ':';
const CACHE = PREFIX + ${JSON.stringify(cacheName)};
const FILES = ${JSON.stringify(urls, null, 2)};
const INDEX = ${JSON.stringify(publicUrl + 'index.html')};

self.addEventListener('install', (event) => {
  // Waits (no skipWaiting) until the app asks, after saving the user's drafts.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      // ("opsdrill-…": the names before caches carried the folder.)
      .then((keys) => Promise.all(keys.filter((k) => (k.startsWith(PREFIX) && k !== CACHE) || k.startsWith('opsdrill-')).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Every page is index.html with a hash route.
    event.respondWith(caches.open(CACHE).then((cache) => cache.match(INDEX)).then((hit) => hit || fetch(request)));
    return;
  }
  event.respondWith(caches.open(CACHE).then((cache) => cache.match(request)).then((hit) => hit || fetch(request)));
});
`
  : `// Development build: no caching, so trunk serve always shows the latest code.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  const prefix = 'opsdrill:' + new URL('./', self.location).pathname + ':';
  event.waitUntil(caches.keys().then((keys) => Promise.all(keys.filter((k) => k.startsWith(prefix) || k.startsWith('opsdrill-')).map((k) => caches.delete(k)))));
});
`;
writeFileSync(path.join(staging, 'sw.js'), worker);
console.log(`post-build: wasm split into ${Object.keys(split.splits).length} pages; ${bankName} copied; ${release ? `${urls.length} files precached as ${cacheName}, CSP added` : 'dev service worker'}`);
