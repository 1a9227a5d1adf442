"""Where the wall time of a cold `extract` on worker processes goes: start-up, steady work, the tail, the parent.

usage: python scripts/timeline.py [FOLDER] [--workers N]

Runs the extract job as `troopclaims extract FOLDER --no-cache` does (the same reading, datelines, tasks and pool,
claims written as JSON Lines to nowhere), with each worker timing its start-up (rules and pipeline) and each task,
and prints, in seconds from the start of the job: when the pool was started, when each worker was ready and ran
its first task, how long it worked, when it finished its last task, how long the first to finish then waited for
the others (the tail), and the CPU the parent spent. FOLDER defaults to ../shared/eval/ecbplus/text.
Meant for a busy machine too: the shares (start-up, tail, parent) matter, not the seconds.
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import sys
import time
from pathlib import Path

from troopclaims.run import runner

ROOT = Path(__file__).resolve().parents[1]
TIMES: list[tuple[int, float, float, float]] = []        # (worker pid, task start, task end, ready) per task
POOL: list[float] = []                                  # when the pool was started


def timed_work(articles, kinds, parse):
    """Run one task in a worker as runner._work does; return its outcomes and (pid, start, end, ready)."""
    if runner._WORKER is None:
        runner._work([], kinds, [])          # loads the rules and the pipeline, as the first task would
        timed_work.ready = time.time()
    started = time.time()
    outcomes = runner._work(articles, kinds, parse)
    return outcomes, (os.getpid(), started, time.time(), getattr(timed_work, "ready", started))


class TimedPool(runner._Pool):
    def __init__(self, *args, **kwargs):
        POOL.append(time.time())
        super().__init__(*args, **kwargs)

    def submit(self, articles, kinds, parse):
        get = self.pool.apply_async(timed_work, (articles, kinds, parse)).get

        def result():
            outcomes, timing = get()
            TIMES.append(timing)
            return outcomes
        return result


def main() -> int:
    from troopclaims.rules import load_rules
    from troopclaims.run.extract import DEFAULT_KINDS, claims_from_inputs

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(ROOT.parent / "shared" / "eval" / "ecbplus" / "text"))
    parser.add_argument("--workers", type=int, default=runner.default_workers())
    args = parser.parse_args()
    if not Path(args.folder).is_dir():
        print(f"skipped: {args.folder} not found")
        return 0
    runner._Pool = TimedPool
    started, cpu = time.time(), time.process_time()
    claims = 0
    with open(os.devnull, "w", encoding="utf-8") as out:
        for claim in claims_from_inputs([args.folder], load_rules(), kinds=DEFAULT_KINDS,
                                        run=runner.RunOptions(workers=args.workers)):
            out.write(json.dumps(claim.to_dict(), ensure_ascii=False) + "\n")
            claims += 1
    wall, parent = time.time() - started, time.process_time() - cpu
    if not POOL:
        print("the job ran in process (16 articles or fewer, or --workers 1): no pool to time")
        return 0
    tasks = collections.defaultdict(list)
    for pid, start, end, ready in TIMES:
        tasks[pid].append((start - started, end - started, ready - started))
    print(f"{args.folder}: {claims} claims in {len(TIMES)} tasks on {len(tasks)} workers; wall {wall:.2f} s")
    print(f"pool started at {POOL[0] - started:.2f} s (the parent read rules, the first articles and datelines)")
    ends = []
    for n, runs in enumerate(tasks.values(), 1):
        busy = sum(end - start for start, end, _ in runs)
        ends.append(max(end for _, end, _ in runs))
        print(f"worker {n}: ready at {runs[0][2]:.2f} s, first task at {min(s for s, _, _ in runs):.2f} s, "
              f"{len(runs)} tasks, working {busy:.2f} s, last task done at {ends[-1]:.2f} s")
    print(f"tail (first worker done to last): {max(ends) - min(ends):.2f} s; after the last task: "
          f"{wall - max(ends):.2f} s")
    print(f"parent CPU {parent:.2f} s ({parent / wall:.0%} of the wall time)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
