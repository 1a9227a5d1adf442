"""Check that a change left the output alone: extract and compare, byte for byte, against another revision.

    python scripts/same_output.py --against REV [FOLDER ...]

Runs `troopclaims extract --kind all` and `troopclaims compare` (JSON Lines, no cache) on each folder with the
code of this checkout and with the code of git revision REV (checked out in a temporary worktree and run from
its src/ folder), and prints, per folder and command, whether the outputs are identical. Exit status 1 when any
differs. FOLDER defaults to the seed corpus, examples/articles, examples/crossing and the ECB+ texts; folders that
are absent are skipped with a note. Meant for refactoring: a move or a split must not change a byte.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEFAULT_FOLDERS = [SHARED / "corpus", ROOT / "examples" / "articles", ROOT / "examples" / "crossing",
                   SHARED / "eval" / "ecbplus" / "text"]


def outputs(src: Path, folder: Path) -> dict[str, bytes]:
    """Return the extract and compare output of one folder, run with the package found under src."""
    env = {**os.environ, "PYTHONPATH": str(src), "TROOPCLAIMS_CACHE": tempfile.mkdtemp(prefix="tc-cache-")}
    command = [sys.executable, "-m", "troopclaims"]
    extract = subprocess.run([*command, "extract", str(folder), "--kind", "all", "--format", "jsonl", "--no-cache",
                              "--quiet"], env=env, capture_output=True, check=True).stdout
    compare = subprocess.run([*command, "compare", "-", "--format", "jsonl", "--quiet"], input=extract, env=env,
                             capture_output=True, check=True).stdout
    return {"extract": extract, "compare": compare}


def first_difference(a: bytes, b: bytes) -> str:
    """Return the first line that differs, shortened, for the report."""
    for number, (left, right) in enumerate(zip(a.splitlines(), b.splitlines()), 1):
        if left != right:
            return f"line {number}: {left[:120]!r} vs {right[:120]!r}"
    return f"one output is longer ({len(a.splitlines())} vs {len(b.splitlines())} lines)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", required=True, help="git revision to compare with (e.g. main, HEAD~1)")
    parser.add_argument("folders", nargs="*", type=Path)
    args = parser.parse_args()
    folders = args.folders or DEFAULT_FOLDERS
    differs = 0
    with tempfile.TemporaryDirectory(prefix="tc-rev-") as tmp:
        other = Path(tmp) / "rev"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "--quiet", str(other), args.against],
                       check=True)
        try:
            for folder in folders:
                if not folder.is_dir():
                    print(f"{folder}: skipped, not found")
                    continue
                here, there = outputs(ROOT / "src", folder), outputs(other / "src", folder)
                for name in here:
                    same = here[name] == there[name]
                    differs += not same
                    lines = len(here[name].splitlines())
                    verdict = "identical" if same else "DIFFERS, " + first_difference(there[name], here[name])
                    print(f"{folder.name} {name}: {verdict} ({lines} lines)")
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(other)], check=False)
    print("same output" if not differs else f"{differs} output(s) differ")
    return 1 if differs else 0


if __name__ == "__main__":
    sys.exit(main())
