"""Writes dist/phs-doctor.html: the whole app in one file that works from file://.

ES-module imports and fetch() of a .wasm are blocked under file://, so the JS glue is inlined
into an inline module script and the wasm bytes are inlined as base64 and handed to the glue's
init function (no fetch); index.html's preload links go. The prerendered start page that
scripts/build.sh put into index.html comes along as it is (the wasm hydrates it here too). The CSS is inlined too. The page's Content-Security-Policy allows
exactly these inline blocks by hash, WebAssembly compilation, and nothing from the network.

Usage: python3 scripts/singlefile.py dist
"""
import base64
import hashlib
import pathlib
import re
import sys

dist = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "dist")
html = (dist / "index.html").read_text(encoding="utf-8")
css = (dist / "static" / "style.css").read_text(encoding="utf-8")
glue = (dist / "pkg" / "phs_doctor_app.js").read_text(encoding="utf-8")
wasm = (dist / "pkg" / "phs_doctor_app_bg.wasm").read_bytes()


def sub_once(pattern, repl, text, flags=0):
    new, n = re.subn(pattern, lambda _m: repl, text, count=1, flags=flags)
    if n != 1:
        sys.exit(f"singlefile: pattern not found in index.html: {pattern}")
    return new


# The glue is an ES module: keep it a module (it mentions import.meta), drop its exports.
glue = re.sub(r"^export \{[^}]*\};?\s*$", "", glue, flags=re.M)
glue = re.sub(r"^export (function|const|let|class|async function) ", r"\1 ", glue, flags=re.M)
if re.search(r"^\s*(export|import) ", glue, flags=re.M):
    sys.exit("singlefile: the wasm-bindgen glue has imports/exports this script does not handle")
b64 = base64.b64encode(wasm).decode("ascii")
boot = (
    glue
    + "\nconst __b64 = document.getElementById('phs-wasm').textContent.trim();\n"
    + "const __bytes = typeof Uint8Array.fromBase64 === 'function' ? Uint8Array.fromBase64(__b64)"
    + " : Uint8Array.from(atob(__b64), (c) => c.charCodeAt(0));\n"
    + "__wbg_init({ module_or_path: __bytes }).catch((err) => {\n"
    + "  const box = document.getElementById('load-failed');\n"
    + "  if (box) { box.hidden = false; document.getElementById('load-failed-detail').textContent = String((err && err.message) || err); }\n"
    + "  document.documentElement.setAttribute('data-app', 'failed');\n"
    + "});\n"
)


if "</script" in boot.lower() or "</style" in css.lower():
    sys.exit("singlefile: the glue or the CSS contains a closing tag and can't be inlined")


def sha256(text):
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


csp = (
    "default-src 'none'; "
    f"script-src {sha256(boot)} 'wasm-unsafe-eval'; "
    f"style-src {sha256(css)}; "
    "img-src data:; connect-src 'none'; font-src 'none'; media-src 'none'; object-src 'none'; "
    "frame-src 'none'; worker-src 'none'; manifest-src 'none'; base-uri 'none'; form-action 'none'"
)

out = html
out = sub_once(r'<meta http-equiv="Content-Security-Policy"[^>]*>', f'<meta http-equiv="Content-Security-Policy" content="{csp}">', out)
# index.html has the stylesheet inline already (scripts/inline_css.py); a page that still links
# it gets it inline here.
if f"<style>{css}</style>" not in out:
    out = sub_once(r'<link rel="stylesheet" href="static/style.css">', f"<style>{css}</style>", out)
# Nothing to fetch: the glue and the wasm are inline (and the CSP forbids any fetch).
out = sub_once(r'\s*<!-- Fetched in parallel[^>]*-->', "", out)
out = sub_once(r'\s*<link rel="preload" href="pkg/phs_doctor_app_bg.wasm"[^>]*>', "", out)
out = sub_once(r'\s*<link rel="modulepreload" href="pkg/phs_doctor_app.js">', "", out)
if re.search(r'<link rel="(module)?preload"', out):
    sys.exit("singlefile: index.html preloads something this script does not inline")
# This is the single file: the advice to open it does not apply here.
out = sub_once(r'\s*<li id="load-failed-single">.*?</li>', "", out, flags=re.S)
out = sub_once(
    r'<script async src="static/boot.js"></script>',
    # The base64 sits in an inert data block (not a script): it needs no CSP allowance.
    f'<script type="application/octet-stream" id="phs-wasm">{b64}</script>\n  <script type="module">{boot}</script>',
    out,
)
(dist / "phs-doctor.html").write_text(out, encoding="utf-8")
print(f"singlefile: wrote {dist / 'phs-doctor.html'} ({len(out.encode()):,} bytes)", file=sys.stderr)
