#!/usr/bin/env python3
"""What a built site weighs: files, total bytes, the largest HTML page and the feed.

    output-stats.py FOLDER [--tsv]

Prints one line (or one tab-separated row with --tsv: files, bytes, largest page's bytes, largest
page's path, feed bytes, HTML pages over 1 MB). Used by compare.sh for casebook's and Hugo's output.
"""
import os
import sys


def stats(folder):
    files = total = over = 0
    largest = (0, "")
    feed = 0
    for root, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(root, name)
            size = os.path.getsize(path)
            files += 1
            total += size
            relative = os.path.relpath(path, folder)
            if name.endswith(".html"):
                if size > largest[0]:
                    largest = (size, relative)
                if size > 1_000_000:
                    over += 1
            if relative in ("feed.xml", "index.xml"):
                feed = max(feed, size)
    return files, total, largest[0], largest[1], feed, over


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    files, total, largest, path, feed, over = stats(sys.argv[1])
    if "--tsv" in sys.argv:
        print(f"{files}\t{total}\t{largest}\t{path}\t{feed}\t{over}")
    else:
        print(f"{files} files, {total / 1e6:.1f} MB; largest page {path} {largest / 1e3:.0f} KB; "
              f"feed {feed / 1e3:.0f} KB; {over} HTML pages over 1 MB")


if __name__ == "__main__":
    main()
