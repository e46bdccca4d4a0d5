// The wasm half of `core/benches/analysis.rs`: loads the bare analysis module
// (tests/bench/wasm, built for wasm32 with the release profile) and answers the native
// benchmark's requests on stdin, one per line, with one line on stdout:
//   load <path>      reads the paste (UTF-8) into the module's memory  → its byte length
//   analyze <runs>   best time of `runs` analyses, in ms, timed inside the wasm
//   baseline <runs>  best time of `runs` line-feed counts (the memchr-like baseline), in ms
//   findings         the number of findings (the native side checks it is its own)
// Usage: node tests/bench/analysis-wasm.mjs <module.wasm>

import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

const { instance } = await WebAssembly.instantiate(readFileSync(process.argv[2]), {
  env: { now: () => performance.now() },
});
const w = instance.exports;
let ptr = 0;
let len = 0;

for await (const line of createInterface({ input: process.stdin })) {
  const [cmd, arg] = line.trim().split(/\s+/);
  let out;
  if (cmd === 'load') {
    const bytes = readFileSync(arg);
    len = bytes.length;
    ptr = w.alloc(len);
    new Uint8Array(w.memory.buffer, ptr, len).set(bytes);
    out = len;
  } else if (cmd === 'analyze') {
    out = w.analyze(ptr, len, Number(arg));
  } else if (cmd === 'baseline') {
    out = w.baseline(ptr, len, Number(arg));
  } else if (cmd === 'findings') {
    out = w.findings(ptr, len);
  } else {
    out = `unknown command ${cmd}`;
  }
  process.stdout.write(`${out}\n`);
}
