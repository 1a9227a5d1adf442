"""Write a PNG screenshot of a troopclaims HTML report with headless Chromium (network off).

    .venv/bin/troopclaims report examples/articles -o /tmp/report.html
    .venv/bin/python scripts/screenshot_report.py /tmp/report.html docs/report.png --facts 3

Chromium: Debian's `chromium` package (apt-get install chromium).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from headless_chromium import Browser, find_chromium  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", type=Path, help="the HTML report")
    parser.add_argument("png", type=Path, help="the PNG to write")
    parser.add_argument("--width", type=int, default=1280, help="page width in pixels (default 1280)")
    parser.add_argument("--height", type=int, default=None, help="crop to this many pixels (default: whole page)")
    parser.add_argument("--facts", type=int, default=None,
                        help="crop below the summary, the timeline and the first N facts")
    args = parser.parse_args()
    if not args.report.is_file():
        print(f"screenshot_report: no such file {args.report}", file=sys.stderr)
        return 1
    if not find_chromium():
        print("screenshot_report: no chromium on PATH; install it with `apt-get install chromium`", file=sys.stderr)
        return 1
    with Browser() as browser:
        page = browser.open(args.report, width=args.width)
        errors = page.errors()
        height = args.height
        if args.facts:
            height = page.evaluate(f"(() => {{ const facts = document.querySelectorAll('section.fact');"
                                   f" const last = facts[Math.min(facts.length, {args.facts}) - 1];"
                                   f" return last ? Math.ceil(last.getBoundingClientRect().bottom + window.scrollY"
                                   f" + 24) : null; }})()")
        page.screenshot(args.png, width=args.width, height=height)
    for error in errors:
        print(f"screenshot_report: the page logged an error: {error}", file=sys.stderr)
    print(f"wrote {args.png}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
