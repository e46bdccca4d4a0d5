// Starts the app: loads the wasm-bindgen glue, which fetches and instantiates the wasm (both
// already requested by index.html's preload links); the wasm's start hydrates the prerendered
// start page or renders the page the hash asks for.
import init from '../pkg/phs_doctor_app.js';
init();
