#!/usr/bin/env python3
"""Times the browser editor's check on a large site, the way the form calls it: `casebook serve` on a
generated corpus, the editor's token read from its page, one case opened, then a check of the form
after each of N small edits (a figure's value, the title, the story), as the form sends them when the
person stops typing.

    Benchmarks/scripts/editor-check.py [--cases 10000] [--checks 10] [--binary .build/release/casebook]

Prints the time of the first check (made --read-seconds after the form opened, which starts the
checker's reading of the whole site in the background) and of each later one, and their median. The corpus comes from generate-corpus.py (shared with compare.sh under
${TMPDIR:-/tmp}/casebook-bench). Python 3 standard library only.
"""
import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(url, body=None, headers=None, timeout=600):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, headers=headers or {}, method="POST" if data else "GET")
    with urllib.request.urlopen(req, timeout=timeout) as response:
        return response.read().decode()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=10000)
    parser.add_argument("--checks", type=int, default=10)
    parser.add_argument("--read-seconds", type=float, default=8,
                        help="time between the form opening (which starts the checker's work on the site) and the first check")
    parser.add_argument("--binary", default=os.path.join(REPO, ".build/release/casebook"))
    parser.add_argument("--work", default=os.path.join(os.environ.get("TMPDIR", "/tmp"), "casebook-bench"))
    args = parser.parse_args()

    corpus = os.path.join(args.work, f"corpus-n{args.cases}-s1")  # compare.sh's corpus of that size, if made
    if not os.path.exists(os.path.join(corpus, "casebook/content/site.yml")):
        subprocess.run([sys.executable, os.path.join(HERE, "generate-corpus.py"), corpus, str(args.cases), "--seed", "1"],
                       check=True, stdout=subprocess.DEVNULL)
    # A copy, so the saves of other runs never change the corpus.
    site = tempfile.mkdtemp(prefix="casebook-editor-")
    shutil.copytree(os.path.join(corpus, "casebook/content"), os.path.join(site, "content"))
    shutil.copytree(os.path.join(REPO, "templates"), os.path.join(site, "templates"))

    port = free_port()
    server = subprocess.Popen([args.binary, "serve", "--root", site, "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        started = time.monotonic()
        for line in server.stdout:
            if "Serving" in line or "http://127.0.0.1" in line:
                break
        print(f"serve: first build of {args.cases} cases and listening in {time.monotonic() - started:.1f} s")
        page = request(base + "/_casebook/edit/new")
        token = re.search(r'name="casebook-token" content="([0-9a-f]+)"', page).group(1)
        headers = {"Origin": base, "X-Casebook-Token": token, "Content-Type": "application/json"}
        # The form's first request: it starts the checker's work on the whole site in the background.
        request(base + "/_casebook/editor/schema")
        opened_at = time.monotonic()
        slug = sorted(os.listdir(os.path.join(site, "content/case-studies")))[args.cases // 2][:-3]
        opened = json.loads(request(f"{base}/_casebook/editor/case?slug={slug}"))
        path, form = opened["path"], opened["form"]
        time.sleep(max(0, args.read_seconds - (time.monotonic() - opened_at)))
        times = []
        for n in range(args.checks + 1):
            if form["metrics"]:
                form["metrics"][0]["value"] = str(1000 + n)
            form["title"] = form["title"].split(" (")[0] + f" ({n})"
            form["story"] = form["story"] + f"\nEdit {n}.\n"
            start = time.monotonic()
            answer = json.loads(request(base + "/_casebook/editor/check", {"path": path, "form": form}, headers))
            times.append(time.monotonic() - start)
            if n == 0:
                print(f"first check, {args.read_seconds:g} s after the form opened: {times[0] * 1000:.0f} ms, "
                      f"{len(answer['problems'])} problems (--read-seconds 0: the first check waits for the site's work)")
        later = times[1:]
        print("later checks (ms): " + " ".join(f"{t * 1000:.0f}" for t in later))
        print(f"median of later checks: {statistics.median(later) * 1000:.0f} ms over {len(later)} checks, {args.cases} cases")
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(site, ignore_errors=True)


if __name__ == "__main__":
    main()
