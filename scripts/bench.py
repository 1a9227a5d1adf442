"""Speed of `troopclaims extract` against a naive spaCy script, measured in one run, as ratios.

usage: python scripts/bench.py [FOLDER] [--repeat N] [--seed FOLDER]

Each figure is the wall time of a whole process (start-up and model load included), the median of N runs, with
the runs of the naive baseline and of troopclaims interleaved so that a busy machine slows them alike; the CPU time
(user + system, worker processes included) is printed too, as it depends less on what else the machine runs:
  naive     a script that only runs nlp.pipe of the same spaCy pipeline over the texts
  cold      troopclaims extract with default workers and an empty cache
  warm      the same again, with the cache the cold run filled
  workers1  troopclaims extract --workers 1 with an empty cache
Then: claims lost against --exhaustive on the seed corpus and on FOLDER, peak memory (the largest process) at 1x and
4x FOLDER, the time of `troopclaims --help`, and where a cold run on workers spends its time (scripts/timeline.py).
FOLDER defaults to ../shared/eval/ecbplus/text, else examples/articles.

Every run gets an empty cache folder of its own, holding only the GeoNames index (built once, first, and timed on
its own line): a user's cache keeps it across runs and `troopclaims cache clear`, so "cold" means no cached claims.
"""
from __future__ import annotations

import argparse
import collections
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
TROOPCLAIMS = str(BIN / "troopclaims")
NAIVE = """
import sys
from pathlib import Path
import spacy
from troopclaims.pipeline import choose_model
nlp = spacy.load(choose_model())
files = sorted(p for p in Path(sys.argv[1]).rglob("*") if p.suffix in (".txt", ".md") and p.is_file())
for doc in nlp.pipe(p.read_text(encoding="utf-8", errors="replace") for p in files):
    pass
"""


CPU = collections.defaultdict(list)      # command name -> CPU seconds (user + system, workers included)
INDEX = tempfile.mkdtemp(prefix="bench-index-")     # the GeoNames index, copied into every fresh cache folder
BUILD_INDEX = "from troopclaims.rules import load_rules; load_rules().lexicon('places').geo"


def fresh_cache() -> str:
    """Return a new cache folder holding only the GeoNames index."""
    folder = tempfile.mkdtemp(prefix="bench-cache-")
    for path in Path(INDEX).iterdir():
        shutil.copy(path, folder)
    return folder


def run(command: list[str], cache: str | None = None, out=subprocess.DEVNULL, name: str = "") -> tuple[float, int]:
    """Return (wall seconds, peak RSS in MiB of the largest process) of a command; CPU seconds go to CPU[name]."""
    env = {**os.environ, "TROOPCLAIMS_CACHE": cache or fresh_cache()}
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=out, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    CPU[name].append(usage.ru_utime + usage.ru_stime)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"bench: {' '.join(command)} failed with exit {process.returncode}")
    return elapsed, usage.ru_maxrss // 1024


def extract(folder: Path, *options: str) -> list[str]:
    return [TROOPCLAIMS, "extract", str(folder), "--format", "jsonl", *options]


def output_of(command: list[str], cache: str | None = None, name: str = "") -> tuple[collections.Counter, int]:
    """Return (the lines a command prints, as a multiset; the peak RSS of its largest process in MiB)."""
    with tempfile.TemporaryFile() as out:
        _, peak = run(command, cache, out=out, name=name)
        out.seek(0)
        return collections.Counter(out.read().decode("utf-8").splitlines()), peak


def lost(default: collections.Counter, folder: Path) -> str:
    """Return how many claims of an --exhaustive run the default run's output lacks, of how many."""
    exhaustive, _ = output_of(extract(folder, "--no-cache", "--exhaustive"))
    return f"{sum((exhaustive - default).values())} of {sum(exhaustive.values())}"


def words_in(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.suffix in (".txt", ".md") and p.is_file()]
    return len(files), sum(len(p.read_text(encoding="utf-8", errors="replace").split()) for p in files)


def copies(folder: Path, times: int, into: Path) -> Path:
    for i in range(times):
        shutil.copytree(folder, into / f"copy{i}")
    return into


def main() -> int:
    sys.stdout.reconfigure(line_buffering=True)       # each figure as soon as it is measured
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = ROOT.parent / "shared" / "eval" / "ecbplus" / "text"
    parser.add_argument("folder", nargs="?", default=str(default if default.is_dir() else ROOT / "examples"))
    parser.add_argument("--seed", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    folder, seed = Path(args.folder), Path(args.seed)
    if not folder.is_dir():
        print(f"skipped: {folder} not found")
        return 0
    articles, words = words_in(folder)
    print(f"corpus {folder}: {articles} articles, {words:,} words; {os.cpu_count()} cores; median of {args.repeat}")
    seconds, peak = run([sys.executable, "-c", BUILD_INDEX], INDEX)
    print(f"GeoNames index (built once, kept in the cache folder): {seconds:.2f} s, peak RSS {peak} MiB")
    times = collections.defaultdict(list)
    for i in range(args.repeat):
        times["naive"].append(run([sys.executable, "-c", NAIVE, str(folder)], name="naive")[0])
        cache = fresh_cache()
        started = time.perf_counter()
        if i == 0:       # keep the first cold run's output and memory
            default, peak1 = output_of(extract(folder), cache, name="cold")
        else:
            run(extract(folder), cache, name="cold")
        times["cold"].append(time.perf_counter() - started)
        times["warm"].append(run(extract(folder), cache, name="warm")[0])
        times["workers1"].append(run(extract(folder, "--workers", "1"), name="workers1")[0])
        shutil.rmtree(cache, ignore_errors=True)
    median = {name: statistics.median(values) for name, values in times.items()}
    for name, seconds in median.items():
        cpu = statistics.median(CPU[name])
        print(f"{name:9} {seconds:7.2f} s  {words / seconds:9,.0f} words/s  {median['naive'] / seconds:6.2f}x naive  "
              f"(CPU {cpu:6.1f} s, {statistics.median(CPU['naive']) / cpu:5.2f}x naive)")
    print(f"cold (default workers) / naive: {median['naive'] / median['cold']:.2f}x; warm / cold: "
          f"{median['cold'] / median['warm']:.1f}x; default workers / --workers 1: "
          f"{median['workers1'] / median['cold']:.2f}x")
    if seed.is_dir():
        print(f"claims lost against --exhaustive on the seed corpus: {lost(output_of(extract(seed, '--no-cache'))[0], seed)}")
    print(f"claims lost against --exhaustive on the benchmark corpus: {lost(default, folder)}")
    with tempfile.TemporaryDirectory() as big:
        peak4 = run(extract(copies(folder, 4, Path(big))))[1]
    print(f"peak RSS of the largest process, default workers: {peak1} MiB at 1x, {peak4} MiB at 4x "
          f"({(peak4 / peak1 - 1) * 100:+.0f}%)")
    helps = [run([TROOPCLAIMS, "--help"])[0] for _ in range(5)]
    print(f"troopclaims --help: {statistics.median(helps):.3f} s (median of 5)")
    print("where a cold run on workers spends its time (scripts/timeline.py):")
    timeline = subprocess.run([sys.executable, str(ROOT / "scripts" / "timeline.py"), str(folder)], text=True,
                              capture_output=True, env={**os.environ, "TROOPCLAIMS_CACHE": fresh_cache()})
    print(textwrap.indent(timeline.stdout or timeline.stderr, "  "), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
