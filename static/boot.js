// Starts the app: loads the wasm-bindgen glue, which fetches and instantiates the wasm.
import init from '../pkg/phs_doctor_app.js';
init();
