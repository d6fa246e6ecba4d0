"""A static server for the built site on 127.0.0.1 that answers unknown URLs with the site's 404.html
and status 404, the way a real host does (python's http.server answers with its own page)."""
import functools
import http.server
import os
import sys
import threading


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


if __name__ == "__main__":
    server = start(sys.argv[1], int(sys.argv[2]))
    print(f"serving {sys.argv[1]} on http://127.0.0.1:{server.server_address[1]}/", flush=True)
    threading.Event().wait()
