#!/usr/bin/env python3
"""Long-run memory check of `casebook serve`: rebuild N times after edits, and fail unless the server's
resident memory stays flat (issue 23, item 2: every parallel step once leaked what it made).

    Benchmarks/scripts/check-memory.py                  # 1,000 rebuilds of the repository's site
    Benchmarks/scripts/check-memory.py --rebuilds 50    # CI
    Benchmarks/scripts/check-memory.py --bin PATH --site DIR --rebuilds 300 --allowed-growth-mb 16

The site (the repository's content/ and templates/ unless --site) is copied to a temporary folder.
Each round edits one case study, in turn its story and its summary (front matter), waits for the
server to report the rebuild, and reads VmRSS from /proc. The first tenth of the rebuilds (at least
20) is warm-up: caches, allocator pools and the first pages of every kind fill. After it, memory may
grow by --allowed-growth-mb in all (default 24 MB); a leak of even 40 KB per rebuild passes that by
1,000 rebuilds. Linux only (/proc). Standard library only.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS")


class ServerOutput:
    """Counts the builds `casebook serve` reports on standard output."""

    def __init__(self, stream):
        self.lines = []
        self.builds = 0
        self.address = None
        self.changed = threading.Condition()
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream):
        for raw in stream:
            line = raw.decode("utf-8", "replace").rstrip("\n")
            with self.changed:
                self.lines.append(line)
                if re.match(r"^(Built|Rebuilt) ", line) or "Build failed" in line:
                    self.builds += 1
                found = re.search(r"Serving the preview at (\S+)", line)
                if found:
                    self.address = found.group(1)
                self.changed.notify_all()

    def wait(self, predicate, timeout):
        with self.changed:
            return self.changed.wait_for(predicate, timeout)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rebuilds", type=int, default=1000)
    parser.add_argument("--bin", help="the casebook binary (default: swift build's debug one)")
    parser.add_argument("--site", default=REPO, help="a site root with content/ and templates/")
    parser.add_argument("--allowed-growth-mb", type=float, default=24.0)
    args = parser.parse_args()

    binary = args.bin
    if not binary:
        subprocess.run(["swift", "build", "--product", "casebook"], cwd=REPO, check=True, stdout=subprocess.DEVNULL)
        path = subprocess.run(["swift", "build", "--show-bin-path"], cwd=REPO, check=True,
                              capture_output=True, text=True).stdout.strip()
        binary = os.path.join(path, "casebook")

    work = tempfile.mkdtemp(prefix="casebook-memory-")
    try:
        for folder in ("content", "templates"):
            shutil.copytree(os.path.join(args.site, folder), os.path.join(work, folder), symlinks=True)
        cases = sorted(os.path.join(work, "content", "case-studies", name)
                       for name in os.listdir(os.path.join(work, "content", "case-studies")) if name.endswith(".md"))
        edited = cases[len(cases) // 2]
        with open(edited, encoding="utf-8") as f:
            original = f.read()
        server = subprocess.Popen([binary, "serve", "--root", work, "--port", "0"],
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        try:
            output = ServerOutput(server.stdout)
            if not output.wait(lambda: output.address and output.builds >= 1, 300):
                sys.exit("the server did not start:\n" + "\n".join(output.lines))
            warmup = max(20, args.rebuilds // 10)
            baseline = None
            samples = []
            started = time.monotonic()
            for round_ in range(1, args.rebuilds + 1):
                # Alternately the story and the summary, each time with new text, so every rebuild
                # re-decodes and re-renders (and the pages of the listings change with the summary).
                if round_ % 2:
                    text = original.rstrip("\n") + f"\n\nEdit number {round_} of the memory check.\n"
                else:
                    text = re.sub(r"^summary: .*$|^summary: >-\n", f"summary: >-\n  Edit {round_} of the memory check.\n  ",
                                  original, count=1, flags=re.M)
                expected = output.builds + 1
                with open(edited, "w", encoding="utf-8") as f:
                    f.write(text)
                if not output.wait(lambda: output.builds >= expected, 60):
                    sys.exit(f"rebuild {round_} was not reported within 60 s:\n" + "\n".join(output.lines[-5:]))
                if server.poll() is not None:
                    sys.exit(f"the server stopped (exit {server.returncode}) at rebuild {round_}")
                if round_ == warmup:
                    baseline = rss_kb(server.pid)
                if round_ % 50 == 0 or round_ == args.rebuilds:
                    samples.append((round_, rss_kb(server.pid)))
                    print(f"  rebuild {round_:5}: resident {samples[-1][1] / 1024:7.1f} MB", flush=True)
            failed = [line for line in output.lines if "Build failed" in line]
            if failed:
                sys.exit(f"{len(failed)} rebuilds failed, e.g. {failed[0]}")
            final = rss_kb(server.pid)
            if baseline is None:
                baseline = final
            growth = (final - baseline) / 1024
            elapsed = time.monotonic() - started
            print(f"{args.rebuilds} rebuilds in {elapsed:.0f} s; resident memory after {warmup} (warm-up): "
                  f"{baseline / 1024:.1f} MB, at the end: {final / 1024:.1f} MB, growth {growth:+.1f} MB "
                  f"(allowed {args.allowed_growth_mb:.0f} MB)")
            if growth > args.allowed_growth_mb:
                sys.exit("resident memory kept growing: a rebuild leaks")
        finally:
            server.terminate()
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
