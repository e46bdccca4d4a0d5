// Starts the app. A classic async script, so it runs as soon as it has arrived (a module
// script would wait until the page is parsed and its stylesheet loaded): it starts compiling
// the wasm at once (already requested by index.html's preload link) while the glue loads and
// the page is parsed, then hands the compiled module to the glue once the page is parsed (the
// wasm's start hydrates the prerendered start page, or renders the page the hash asks for).
// If the glue or the wasm does not load (an IIS site without the .wasm MIME type answers 404,
// a proxy blocks it, WebAssembly is off), the first screen says so and names the fix
// (#load-failed in index.html).
(function () {
  'use strict';
  var parsed = new Promise(function (resolve) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', resolve, { once: true });
    else resolve();
  });
  function failed(err) {
    parsed.then(function () {
      var box = document.getElementById('load-failed');
      if (box) {
        box.hidden = false;
        var detail = document.getElementById('load-failed-detail');
        if (detail) detail.textContent = String((err && err.message) || err);
      }
      document.documentElement.setAttribute('data-app', 'failed');
    });
  }
  // A deep link (or a link followed) before the app has started: the prerendered start page is
  // not that page, so it is hidden and "Loading" shown until the app renders the page asked for.
  function loading() {
    var root = document.documentElement;
    var h = location.hash;
    var home = h === '' || h === '#' || h === '#/' || h.indexOf('#/?') === 0;
    if (root.hasAttribute('data-app') || home) return;
    root.setAttribute('data-loading', 'page');
    var note = document.getElementById('app-loading');
    if (note) note.hidden = false;
  }
  parsed.then(loading);
  window.addEventListener('hashchange', loading);
  // Compiling while the page is parsed. If the server does not say application/wasm (streaming
  // compilation refuses it), the glue fetches and compiles the wasm itself, as before.
  var compiled = typeof WebAssembly === 'object' && typeof WebAssembly.compileStreaming === 'function'
    ? WebAssembly.compileStreaming(fetch(new URL('../pkg/phs_doctor_app_bg.wasm', document.currentScript.src)))
        .catch(function () { return undefined; })
    : Promise.resolve(undefined);
  var glue = import(new URL('../pkg/phs_doctor_app.js', document.currentScript.src).href);
  Promise.all([glue, compiled, parsed])
    .then(function (r) { return r[0].default(r[1] ? { module_or_path: r[1] } : undefined); })
    .catch(failed);
})();
