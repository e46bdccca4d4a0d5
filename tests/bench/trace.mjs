// Where the milliseconds of a start go: loads the app (and the baseline, interleaved) in
// headless Chromium with a performance trace, and prints, per load, when each phase ends and
// how long the main thread spent in it, as medians of N loads. Information for ARCHITECTURE.md
// ("Start-up, measured"); nothing is asserted.
//
// Usage: node tests/bench/trace.mjs [loads]   (after `scripts/bench.sh`, which builds both)
// Env: PHS_BASE_URL (served dist/), PHS_BASELINE_URL (served target/bench-baseline).

import { launch } from '../e2e/helpers.mjs';

const BASE_URL = (process.env.PHS_BASE_URL || 'http://127.0.0.1:8080/').replace(/\/?$/, '/');
const BASELINE_URL = (process.env.PHS_BASELINE_URL || 'http://127.0.0.1:8081/').replace(/\/?$/, '/');
const LOADS = Number(process.argv[2] || 7);
const STATIC = process.env.PHS_TRACE_STATIC === '1';

const CATEGORIES = [
  'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.wasm', 'v8.execute',
  'disabled-by-default-v8.compile', 'blink.user_timing', 'loading', 'navigation',
];

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : NaN; };

/** One load with a trace: the phases (ms from navigation start) and the main thread's busy time by kind. */
async function traced(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    new MutationObserver((_, obs) => {
      if (document.documentElement?.hasAttribute('data-app')) {
        performance.mark('phs-interactive');
        obs.disconnect();
      }
    }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-app'] });
  });
  await browser.startTracing(page, { categories: CATEGORIES });
  await page.goto(url);
  // PHS_TRACE_STATIC=1: pages without the app (the prerendered page with its scripts taken
  // out): "interactive" is then the first contentful paint.
  await page.waitForFunction((untilPaint) => (performance.getEntriesByName('phs-interactive').length > 0
    || (untilPaint && performance.getEntriesByName('first-contentful-paint').length > 0)), STATIC);
  const marks = await page.evaluate(() => ({
    interactive: (performance.getEntriesByName('phs-interactive')[0]
      ?? performance.getEntriesByName('first-contentful-paint')[0]).startTime,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    nodes: document.getElementsByTagName('*').length,
    resources: performance.getEntriesByType('resource').map((r) => ({ name: r.name.split('/').pop(), start: r.startTime, end: r.responseEnd })),
  }));
  const events = JSON.parse((await browser.stopTracing()).toString('utf8')).traceEvents;
  await context.close();

  // The renderer's main thread: the thread named CrRendererMain in the process that ran the page.
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain'
    && events.some((x) => x.pid === e.pid && x.tid === e.tid && x.name === 'ParseHTML'));
  const onMain = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur);
  const nav = events.find((e) => e.name === 'navigationStart' && main && e.pid === main.pid)?.ts
    ?? Math.min(...onMain.map((e) => e.ts));
  // Top-level tasks only (RunTask), and inside them the kinds that matter, by name.
  const kinds = {
    'parse HTML': ['ParseHTML'],
    'evaluate script (JS)': ['EvaluateScript', 'v8.compileModule', 'v8.evaluateModule'],
    'wasm compile (main thread)': ['v8.wasm.compileLazy', 'wasm.CompileLazy', 'v8.wasm.streamingFinished', 'v8.wasm.compile', 'wasm.SyncCompile', 'wasm.AsyncCompile'],
    'wasm instantiate': ['v8.wasm.instantiate', 'wasm.SyncInstantiate', 'wasm.instantiateModule', 'v8.wasm.instantiateModule'],
    'function calls (the app runs)': ['FunctionCall', 'RunMicrotasks', 'v8.callFunction'],
    'parse stylesheet': ['ParseAuthorStyleSheet'],
    'style (recalculate)': ['UpdateLayoutTree', 'RecalculateStyles'],
    'layout': ['Layout'],
    'paint': ['Paint', 'PrePaint', 'Layerize', 'Commit', 'UpdateLayer'],
  };
  const busy = {};
  const top = onMain.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  const end = nav + marks.interactive * 1000;
  busy['main thread busy (all tasks)'] = top.filter((e) => e.ts < end).reduce((a, e) => a + Math.min(e.dur, end - e.ts), 0) / 1000;
  for (const [kind, names] of Object.entries(kinds)) {
    // Outermost events of these names only (a FunctionCall inside a FunctionCall counts once).
    const evs = onMain.filter((e) => names.includes(e.name) && e.ts < end).sort((a, b) => a.ts - b.ts);
    let total = 0;
    let until = -1;
    for (const e of evs) {
      if (e.ts >= until) { total += Math.min(e.dur, end - e.ts); until = e.ts + e.dur; }
    }
    busy[kind] = total / 1000;
    if (names.includes('Layout') || names.includes('UpdateLayoutTree')) busy[`${kind}: count`] = evs.length;
  }
  // Wasm compilation off the main thread (streaming compile, Liftoff and TurboFan tiers).
  const wasmOff = events.filter((e) => e.ph === 'X' && e.dur && (!main || e.tid !== main.tid) && /wasm/i.test(e.name) && /compil|Compil/.test(e.name));
  busy['wasm compile (other threads, summed)'] = wasmOff.reduce((a, e) => a + e.dur, 0) / 1000;
  busy['elements in the page at interactive (count)'] = marks.nodes;
  const phases = { fcp: marks.fcp, interactive: marks.interactive };
  for (const r of marks.resources) phases[`${r.name} arrived`] = r.end;
  return { phases, busy };
}

const browser = await launch();
try {
  const runs = { app: [], baseline: [] };
  await traced(browser, BASE_URL); // warm-up, not counted
  for (let i = 0; i < LOADS; i++) {
    runs.app.push(await traced(browser, BASE_URL));
    runs.baseline.push(await traced(browser, BASELINE_URL));
  }
  for (const [name, rs] of Object.entries(runs)) {
    console.log(`\n${name} (median of ${rs.length} loads, ms)`);
    for (const part of ['phases', 'busy']) {
      const keys = [...new Set(rs.flatMap((r) => Object.keys(r[part])))];
      for (const k of keys) {
        const xs = rs.map((r) => r[part][k]).filter((x) => x !== undefined);
        console.log(`  ${part === 'phases' ? 'at  ' : 'busy'} ${k}: ${median(xs).toFixed(1)}`);
      }
    }
  }
} finally {
  await browser.close();
}
