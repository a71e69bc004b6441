// The wasm's code and data sections, raw and gzip -9 bytes each: what the
// first load spends on code, and on data (the bank's text, when it is in the
// wasm). Usage: node scripts/wasm-sections.mjs dist/*.wasm
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

for (const file of process.argv.slice(2)) {
  const bytes = readFileSync(file);
  const parts = { code: [], data: [], other: [] };
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = leb(bytes, at + 1);
    const body = bytes.subarray(start, start + size);
    (id === 10 ? parts.code : id === 11 ? parts.data : parts.other).push(body);
    at = start + size;
  }
  const line = (name, list) => {
    const joined = Buffer.concat(list);
    return `${name} ${joined.length} raw, ${gzipSync(joined, { level: 9 }).length} gzip-9`;
  };
  console.log(`${file}: ${line('code', parts.code)}; ${line('data', parts.data)}; ${line('other', parts.other)}`);
}
