"""`make bench`: the course's speed, memory and grading throughput on this machine.

Writes bench/results.json, bench/results.md and bench/results.png, and refreshes the table in the
README. Everything is measured one thing at a time, so no measurement competes with another.
Run: python -m bench [--students N] [--lessons 00,01,…|all] [--jobs J] [--repeat R] [--only grading]
(`--only grading` grades the class the three ways and prints their table, writing nothing.)
"""

from __future__ import annotations

import argparse
import json
import time
from datetime import date
from pathlib import Path

from . import grading, launch, lessons, machine, pipeline, redraw, report

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=20, help="synthetic class size (× each of --lessons)")
    parser.add_argument("--lessons", default=grading.CLASS,
                        help=f"the lessons each student hands in: numbers or names, or `all` (default {grading.CLASS}, "
                             "the class of the recorded 2026-11-23 figure)")
    parser.add_argument("--jobs", type=int, default=None, help="grading workers (default: as make autograde)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each notebook; the median is kept")
    parser.add_argument("--only", choices=["grading"], help="measure only this, print its table, write nothing")
    args = parser.parse_args()
    try:
        names = grading.chosen(args.lessons)
    except ValueError as error:
        parser.error(str(error))
    began = time.perf_counter()

    def step(what: str) -> None:
        print(f"[{time.perf_counter() - began:5.0f} s] {what}", flush=True)

    results = {"date": date.today().isoformat(), "machine": machine.describe()}
    step(machine.line(results["machine"]))
    if args.only == "grading":
        step(f"grading: {report.class_of(args.students, names)}")
        graded = grading.measure(names, args.students, args.jobs, progress=lambda s: step("  " + s))
        step("done; nothing written\n")
        print("\n".join(report.grading_table(graded)))
        return
    step("floor: fresh kernel, and fresh kernel + import torch")
    results["floor"] = lessons.floor(args.repeat)
    step(f"lessons: each solutions notebook {args.repeat} times in a fresh kernel")
    results["lessons"] = lessons.measure(args.repeat)
    step("lesson 09's ranks: fork, spawn and a reused process group")
    results["launch"] = launch.measure(args.repeat + 2)
    step("pipeline: lesson 10's GPipe on two processes vs the naive split, next to the bubble bound")
    results["pipeline"] = pipeline.measure()
    step("explorer redraw: 50, 100 and 200 nodes")
    results["redraw"] = redraw.measure()
    step(f"grading: {report.class_of(args.students, names)}, three ways")
    seconds = {name: row["wall_s"] for name, row in results["lessons"].items()}
    results["grading"] = grading.measure(names, args.students, args.jobs, seconds, progress=lambda s: step("  " + s))
    results["seconds"] = time.perf_counter() - began

    table = report.markdown(results) + "\n" + launch.markdown(results["launch"])
    (HERE / "results.json").write_text(json.dumps(results, indent=1) + "\n")
    (HERE / "results.md").write_text(table)
    (HERE / "results.png").write_bytes(report.plot(results))
    readme = "README table refreshed" if report.update_readme(HERE.parent / "README.md", table) else "no README table"
    step(f"wrote bench/results.json, bench/results.md, bench/results.png; {readme}\n")
    print(table)


if __name__ == "__main__":
    main()
