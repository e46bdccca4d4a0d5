// Starts the app: loads the wasm-bindgen glue, which fetches and instantiates the wasm (both
// already requested by index.html's preload links); the wasm's start hydrates the prerendered
// start page or renders the page the hash asks for. If the glue or the wasm does not load (an
// IIS site without the .wasm MIME type answers 404, a proxy blocks it, WebAssembly is off), the
// first screen says so and names the fix (#load-failed in index.html).
function failed(err) {
  const box = document.getElementById('load-failed');
  if (box) {
    box.hidden = false;
    const detail = document.getElementById('load-failed-detail');
    if (detail) detail.textContent = String((err && err.message) || err);
  }
  document.documentElement.setAttribute('data-app', 'failed');
}
// A deep link (or a link followed) before the app has started: the prerendered start page is
// not that page, so it is hidden and "Loading" shown until the app renders the page asked for.
function loading() {
  const root = document.documentElement;
  const home = ['', '#', '#/'].includes(location.hash) || location.hash.startsWith('#/?');
  if (root.hasAttribute('data-app') || home) return;
  root.setAttribute('data-loading', 'page');
  const note = document.getElementById('app-loading');
  if (note) note.hidden = false;
}
loading();
window.addEventListener('hashchange', loading);
import('../pkg/phs_doctor_app.js').then((glue) => glue.default()).catch(failed);
