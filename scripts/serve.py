"""A static file server for dist/ on 127.0.0.1 only, with the right type for .wasm."""
import argparse
import functools
import http.server

parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, default=8080)
parser.add_argument("--dir", default="dist")
parser.add_argument("--quiet", action="store_true")
args = parser.parse_args()


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm", ".js": "text/javascript"}

    # Revalidated on each visit (Last-Modified → 304): a new build shows at once, an unchanged
    # one is not downloaded again.
    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, fmt, *a):
        if not args.quiet:
            super().log_message(fmt, *a)


server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), functools.partial(Handler, directory=args.dir))
print(f"serving {args.dir} on http://127.0.0.1:{args.port}/", flush=True)
try:
    server.serve_forever()
except KeyboardInterrupt:
    pass
