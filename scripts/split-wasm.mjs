// Splits the app's wasm by page, for scripts/post-build.mjs (Trunk's
// post_build hook). Trunk has no step between cargo and wasm-bindgen
// (trunk-rs/trunk#1022), so this one redoes what follows cargo, the way
// cargo-leptos --split does, and puts the result where Trunk's unsplit output
// was:
//  1. cargo links the wasm with --emit-relocs (.cargo/config.toml), so the
//     splitter can move functions and fix up what refers to them;
//  2. wasm-split-cli (crate wasm_split_cli_support, installed by
//     scripts/setup) cuts the main module, one module per split point in
//     src/ui/split.rs and one per piece of code that several of them share,
//     and writes the JS that fetches them (__wasm_split.js);
//  3. wasm-bindgen --keep-lld-exports on the main module, so the exports the
//     split modules import stay;
//  4. wasm-opt on every module (release builds);
//  5. every file is named by a hash of its contents. The two JS files import
//     each other, so they share one hash, of everything.
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';

const WASM_OPT_FLAGS = [
  '-Oz',
  '--enable-bulk-memory', '--enable-bulk-memory-opt', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue',
];
const WASM_OPT_VERSION = 'version 132';

const hash = (...parts) => {
  const h = createHash('sha256');
  for (const part of parts) h.update(part);
  return h.digest('hex').slice(0, 16);
};
const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'] }).toString();

/**
 * wasm-opt on each file, as many at once as there are cores: npm's wasm-opt
 * (binaryen compiled to wasm) leaves a core idle for much of a run. Measured
 * on the release build's 15 modules, 2 cores: 55 s one after another, 45 s
 * two at once.
 */
async function optimiseAll(files) {
  const optimise = (file) => new Promise((resolve, reject) => {
    execFile('wasm-opt', [...WASM_OPT_FLAGS, file, '-o', file], (error, _stdout, stderr) => {
      if (error) reject(new Error(`split-wasm: wasm-opt on ${path.basename(file)} failed: ${stderr || error.message}`));
      else resolve();
    });
  });
  // The largest first, so that no core is left with a big one at the end.
  const queue = [...files].sort((a, b) => statSync(b).size - statSync(a).size);
  const worker = async () => {
    while (queue.length) await optimise(queue.shift());
  };
  await Promise.all(Array.from({ length: Math.min(availableParallelism(), files.length) }, worker));
}

/**
 * Replaces Trunk's `<name>-<hash>.js` and `_bg.wasm` in `staging` with the
 * split build of cargo's `<name>.wasm` in `cargoOut`. Returns the new file
 * names (the app's JS, the split loader's, the main wasm's, and the two they
 * replace) and, for each split point, the files it loads (for index.html's
 * loader to fetch a deep link's page early):
 * `{ js, loader, wasm, trunkJs, trunkWasm, splits }` (a promise).
 */
export async function splitWasm({ staging, cargoOut, name, release }) {
  const trunkJs = readdirSync(staging).find((f) => f.startsWith(`${name}-`) && f.endsWith('.js'));
  const trunkWasm = readdirSync(staging).find((f) => f.startsWith(`${name}-`) && f.endsWith('_bg.wasm'));
  if (!trunkJs || !trunkWasm) throw new Error(`split-wasm: no ${name}-*.js and _bg.wasm from Trunk in ${staging}`);
  const input = path.join(cargoOut, `${name}.wasm`);
  const work = mkdtempSync(path.join(tmpdir(), 'opsdrill-split-'));
  try {
    const cut = path.join(work, 'cut');
    run('wasm-split-cli', [input, cut, '--out-name', name]);
    const bound = path.join(work, 'bound');
    run('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--no-demangle', '--no-typescript',
      '--out-dir', bound, '--out-name', name, path.join(cut, `${name}.wasm`)]);
    const modules = readdirSync(cut).filter((f) => f.endsWith('.wasm') && f !== `${name}.wasm`);
    if (modules.length === 0) throw new Error('split-wasm: no split points found (src/ui/split.rs)');
    if (release) {
      const version = run('wasm-opt', ['--version']);
      if (!version.includes(WASM_OPT_VERSION)) throw new Error(`split-wasm: wasm-opt is ${version.trim()}, want ${WASM_OPT_VERSION} (scripts/setup)`);
      await optimiseAll([path.join(bound, `${name}_bg.wasm`), ...modules.map((f) => path.join(cut, f))]);
    }

    // The split modules, named by their contents; the loader refers to them.
    let loader = readFileSync(path.join(cut, '__wasm_split.js'), 'utf8');
    const renamed = {};
    for (const f of modules) {
      const bytes = readFileSync(path.join(cut, f));
      renamed[f] = `${f.replace(/\.wasm$/, '')}-${hash(bytes)}.wasm`;
      writeFileSync(path.join(staging, renamed[f]), bytes);
    }
    // For any page but home, index.html's loader fetches the practice chunk
    // along with the main wasm (window.__opsdrillEarly, URL -> response): the
    // split loader takes those responses rather than fetching again.
    const fetches = loader.split('fetch(new URL(').length - 1;
    if (fetches !== modules.length) throw new Error(`split-wasm: __wasm_split.js has ${fetches} fetches for ${modules.length} modules`);
    // Some hosts serve .wasm without its MIME type, which streaming
    // instantiation refuses: then the module is instantiated from its bytes,
    // as wasm-bindgen does for the main module.
    const instantiations = loader.split('WebAssembly.instantiateStreaming(src, imports)').length - 1;
    if (instantiations !== modules.length) throw new Error(`split-wasm: __wasm_split.js instantiates ${instantiations} of ${modules.length} modules as expected`);
    loader = loader
      .replaceAll('fetch(new URL(', 'earlyFetch(new URL(')
      .replaceAll('WebAssembly.instantiateStreaming(src, imports)', 'instantiate(src, imports)') + `
async function instantiate(src, imports) {
    const response = await src;
    if (!response.ok) throw new Error(\`\${response.url}: HTTP \${response.status}\`);
    if (response.headers.get('Content-Type') === 'application/wasm') return WebAssembly.instantiateStreaming(response, imports);
    return WebAssembly.instantiate(await response.arrayBuffer(), imports);
}
function earlyFetch(url) {
    const early = globalThis.__opsdrillEarly;
    const response = early?.get(url.href);
    if (!response) return fetch(url);
    early.delete(url.href);
    return response;
}
`;
    loader = loader.replace(/"\.\/([\w.-]+\.wasm)"/g, (whole, f) => {
      if (!renamed[f]) throw new Error(`split-wasm: __wasm_split.js loads ${f}, which wasm-split-cli did not write`);
      return JSON.stringify(`./${renamed[f]}`);
    });

    const wasmBytes = readFileSync(path.join(bound, `${name}_bg.wasm`));
    const wasm = `${name}-${hash(wasmBytes)}_bg.wasm`;
    let js = readFileSync(path.join(bound, `${name}.js`), 'utf8');
    const both = hash(wasmBytes, js, loader);
    const jsName = `${name}-${both}.js`;
    const loaderName = `${name}-${both}-split.js`;
    // (The wasm's import module stays "./__wasm_split.js": only the JS import moves.)
    js = js.replaceAll('from "./__wasm_split.js"', `from ${JSON.stringify(`./${loaderName}`)}`).replaceAll(`'${name}_bg.wasm'`, `'${wasm}'`);
    loader = loader.replace(`from "./${name}.js"`, `from ${JSON.stringify(`./${jsName}`)}`);
    if (js.includes('from "./__wasm_split.js"') || !loader.includes(jsName)) throw new Error('split-wasm: the JS files no longer refer to each other as expected');
    writeFileSync(path.join(staging, jsName), js);
    writeFileSync(path.join(staging, loaderName), loader);
    writeFileSync(path.join(staging, wasm), wasmBytes);
    rmSync(path.join(staging, trunkJs));
    rmSync(path.join(staging, trunkWasm));
    if (existsSync(path.join(bound, 'snippets'))) {
      rmSync(path.join(staging, 'snippets'), { recursive: true, force: true });
      cpSync(path.join(bound, 'snippets'), path.join(staging, 'snippets'), { recursive: true });
    }
    return { js: jsName, loader: loaderName, wasm, trunkJs, trunkWasm, splits: splitFiles(loader) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * For each split point, the files its loader fetches (scripts/sizes uses it too), read from the loader
 * wasm-split-cli wrote: `const __chunk_8 = makeLoad(() => { … "./chunk_8-….wasm" … }, []);`
 * and `export const __wasm_split_load_<split> = wrapAsyncCb(makeLoad(… "./split_<split>-….wasm" …, [__chunk_8, …]))`.
 */
export function splitFiles(loader) {
  const chunks = {};
  for (const [, variable, file] of loader.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = (?:fetch|earlyFetch)\(new URL\("\.\/([\w.-]+\.wasm)"/g)) chunks[variable] = file;
  const splits = {};
  for (const [, split, body, deps] of loader.matchAll(/export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(([\s\S]*?), \[([^\]]*)\]\)\)/g)) {
    const own = [...body.matchAll(/"\.\/([\w.-]+\.wasm)"/g)].map(([, f]) => f);
    splits[split] = [...own, ...deps.split(',').map((d) => d.trim()).filter(Boolean).map((d) => chunks[d])];
  }
  return splits;
}
