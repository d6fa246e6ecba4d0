"""A static server for the built site on 127.0.0.1 that answers unknown URLs with the site's 404.html
and status 404, the way a real host does (python's http.server answers with its own page)."""
import contextlib
import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CASEBOOK = os.environ.get("CASEBOOK_BIN", os.path.join(REPO, ".build", "debug", "casebook"))


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        page = os.path.join(self.directory, "404.html")
        if code == 404 and os.path.exists(page):
            with open(page, "rb") as f:
                body = f.read()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
        else:
            super().send_error(code, message, explain)


def start(directory, port=0):
    handler = functools.partial(SiteHandler, directory=directory)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@contextlib.contextmanager
def casebook_serve(prefix="casebook-serve-"):
    """`casebook serve` on a copy of the repository's content/ and templates/ in a temporary folder
    (never the real content/); yields (root, url) and checks that SIGTERM stops the server cleanly."""
    root = tempfile.mkdtemp(prefix=prefix)
    for folder in ("content", "templates"):
        shutil.copytree(os.path.join(REPO, folder), os.path.join(root, folder))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = open(os.path.join(root, "serve.log"), "w")
    server = subprocess.Popen([CASEBOOK, "serve", "--root", root, "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(url + "/", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    try:
        yield root, url
    finally:
        server.terminate()
        assert server.wait(timeout=10) == 0, "Ctrl-C/SIGTERM stops the server cleanly"
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    server = start(sys.argv[1], int(sys.argv[2]))
    print(f"serving {sys.argv[1]} on http://127.0.0.1:{server.server_address[1]}/", flush=True)
    threading.Event().wait()
