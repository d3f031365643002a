"""OUT/report.html: the class at a glance, for the instructor, from the files a grading run wrote in OUT.

`make autograde` writes it last; `python -m autograde.report OUT` writes it again from OUT alone. One
self-contained page (inline SVG drawn by matplotlib, inline CSS, no script, nothing fetched), so it
opens from disk, on a projector or from an LMS. What it reads: grades.csv (scores per lesson and part,
and why a submission was not graded), misconceptions.csv (what the failed checks diagnosed) and
integrity.csv (who is flagged for review, and why). It scales by panels, not by points: one figure
per lesson whatever the class size, and the most common misconceptions of each part, not all of them.
"""

from __future__ import annotations

import csv
import html
import io
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from pitfalls.course import lessons, misconceptions

from .store import write_atomic

TOP = 5  # misconceptions listed per part (all of them are in misconceptions.csv)
TOP_COURSE = 10  # misconceptions in the course-wide chart
EVIDENCE = 200  # characters of an integrity finding's evidence shown
FULL, PARTIAL, ZERO = "#1f5f9e", "#f0a45c", "#a51d2d"  # told apart by lightness too: blue, light orange, dark red
FONT_PT = 11  # matplotlib's points: 14.7 px in the browser at the figure's own size (STYLE: at least 13 px)


def read(path: Path) -> list[dict]:
    """A CSV's rows, or none when the run did not write it."""
    if not path.is_file():
        return []
    with path.open(newline="") as f:
        return list(csv.DictReader(f))


def count(n: int, thing: str) -> str:
    return f"{n} {thing}{'' if n == 1 else 's'}"


def graded(row: dict) -> bool:
    return not row["status"].startswith("not graded")


def outcome(score: float, points: float) -> str:
    """Full marks, some points, or none: how a part's bar is split."""
    return "full" if score >= points - 1e-9 else "zero" if score <= 1e-9 else "partial"


def shares(scores: list[tuple[float, float]]) -> dict[str, int]:
    counted = Counter(outcome(s, p) for s, p in scores)
    return {k: counted.get(k, 0) for k in ("full", "partial", "zero")}


# --- figures -------------------------------------------------------------------------------------------

def svg(fig) -> str:
    """The figure as inline SVG whose text stays text (searchable, measurable, sharp on a projector)."""
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight")
    text = buffer.getvalue()
    return text[text.index("<svg"):]


def figure(width: float, height: float):
    import matplotlib  # noqa: PLC0415 -- matplotlib only when a page is drawn
    from matplotlib.figure import Figure  # noqa: PLC0415

    matplotlib.rcParams.update({"svg.fonttype": "none", "font.size": FONT_PT, "axes.titlesize": FONT_PT + 1,
                                "axes.spines.top": False, "axes.spines.right": False, "svg.hashsalt": "report"})
    return Figure(figsize=(width, height))


def stacked(ax, labels: list[str], counts: list[dict[str, int]]) -> None:
    """One horizontal bar per label, split into full marks, some points and none, each share written on it."""
    y = list(range(len(labels)))[::-1]
    left = [0.0] * len(labels)
    for key, colour, name in (("full", FULL, "full marks"), ("partial", PARTIAL, "some points"),
                              ("zero", ZERO, "no points")):
        share = [100 * c[key] / max(1, sum(c.values())) for c in counts]
        ax.barh(y, share, left=left, color=colour, label=name, height=0.7)
        for yi, x0, w in zip(y, left, share, strict=True):
            if w >= 9:
                ax.text(x0 + w / 2, yi, f"{w:.0f}%", ha="center", va="center", color="white" if key != "partial"
                        else "black")
        left = [a + b for a, b in zip(left, share, strict=True)]
    ax.set_yticks(y, [f"{label}  (n={sum(c.values())})" for label, c in zip(labels, counts, strict=True)])
    ax.set_xlim(0, 100)
    ax.set_xlabel("% of graded submissions")


def overview(rows: list[dict]) -> str:
    """Every lesson's graded submissions split by full marks, some points and none."""
    by_lesson = defaultdict(list)
    for r in rows:
        if graded(r):
            by_lesson[r["lesson"]].append((float(r["score"]), float(r["max_score"])))
    names = [n for n in lessons() if n in by_lesson]
    fig = figure(10, 0.9 + 0.45 * len(names))
    ax = fig.subplots()
    stacked(ax, names, [shares(by_lesson[n]) for n in names])
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1), ncol=3, frameon=False)
    return svg(fig)


def lesson_figure(name: str, rows: list[dict]) -> str:
    """One lesson: how many learners got each score (left), and each part split by full, some and no points (right)."""
    done = [r for r in rows if graded(r)]
    points = lessons()[name].points if name in lessons() else {}
    parts = [p for p in points if any(r.get(p) for r in done)]
    fig = figure(11, max(3.2, 1.3 + 0.5 * len(parts)))
    left, right = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1, 1.25], "wspace": 0.55})
    scores = [float(r["score"]) for r in done]
    top = max([float(r["max_score"]) for r in done] or [1.0])
    left.hist(scores, bins=[b - 0.5 for b in range(int(top) + 2)], color=FULL, rwidth=0.85)
    left.set_xlim(-0.7, top + 0.7)
    left.set_xlabel(f"score (of {top:g} points, rounded)")
    left.set_ylabel("submissions")
    left.set_title("scores", loc="left")
    left.yaxis.get_major_locator().set_params(integer=True)
    stacked(right, parts, [shares([(float(r[p]), points[p]) for r in done if r.get(p)]) for p in parts])
    right.set_title("each part", loc="left")
    return svg(fig)


def course_misconceptions(found: list[dict]) -> str:
    """The misconceptions held by the most learners, course-wide."""
    lesson_of = {r["misconception"]: r["lesson"] for r in found}
    ranked = sorted(((m, len(students)) for m, students in held(found).items()), key=lambda kv: (-kv[1], kv[0]))
    top = ranked[:TOP_COURSE]
    fig = figure(10, 0.9 + 0.45 * len(top))
    ax = fig.subplots()
    y = list(range(len(top)))[::-1]
    ax.barh(y, [n for _, n in top], color=PARTIAL, height=0.7)
    for yi, (_, n) in zip(y, top, strict=True):
        ax.text(n, yi, f" {n}", va="center")
    ax.set_yticks(y, [f"{lesson_of[m][:2]} · {m}" for m, _ in top])  # the lesson's number, then the id
    ax.set_xlabel("learners")
    ax.xaxis.get_major_locator().set_params(integer=True)
    return svg(fig)


# --- tables --------------------------------------------------------------------------------------------

def held(found: list[dict], lesson: str | None = None, part: str | None = None) -> dict[str, set[str]]:
    """Misconception id -> the learners whose answers showed it (in this lesson and part, if given)."""
    by_id: dict[str, set[str]] = defaultdict(set)
    for row in found:
        if (lesson is None or row["lesson"] == lesson) and (part is None or row["part"] == part):
            by_id[row["misconception"]].add(row["student"])
    return by_id


def e(value: object) -> str:
    return html.escape(str(value))


def md(value: object) -> str:
    """Escaped, with `code` as code: course.toml writes titles, beliefs and sections as Markdown does."""
    return re.sub(r"`([^`<>]+)`", r"<code>\1</code>", e(value))


def table(header: list[str], rows: list[list[str]], numeric: tuple[int, ...] = (), cls: str = "") -> str:
    """An HTML table; cells are HTML already (escape what comes from a file)."""
    head = "".join(f"<th{' class=n' if i in numeric else ''}>{h}</th>" for i, h in enumerate(header))
    body = "".join("<tr>" + "".join(f"<td{' class=n' if i in numeric else ''}>{c}</td>" for i, c in enumerate(row))
                   + "</tr>" for row in rows)
    return f'<table class="{cls}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def misconception_table(name: str, found: list[dict], submissions: int) -> str:
    """Per part, its most common misconceptions: what, where taught, how many learners."""
    known = misconceptions()
    parts = list(dict.fromkeys(r["part"] for r in found if r["lesson"] == name))
    rows = []
    for part in sorted(parts):
        ranked = sorted(held(found, name, part).items(), key=lambda kv: (-len(kv[1]), kv[0]))
        for i, (m, students) in enumerate(ranked[:TOP]):
            belief, share = known.get(m), 100 * len(students) / max(1, submissions)
            rows.append([e(part) if i == 0 else "", md(belief.name if belief else m), f"<code>{e(m)}</code>",
                         md(belief.section if belief else ""),
                         f"{len(students)} <span class=share>({share:.0f}%)</span>"])
        if len(ranked) > TOP:
            rows.append(["", f"<i>{len(ranked) - TOP} more in misconceptions.csv</i>", "", "", ""])
    return table(["part", "misconception", "id", "section", "learners"], rows, numeric=(4,), cls="misconceptions")


def lesson_section(name: str, rows: list[dict], found: list[dict]) -> str:
    done = [r for r in rows if graded(r)]
    title = lessons()[name].title if name in lessons() else name
    head = (f'<section id="{e(name)}"><h2>{e(name)}</h2><p class=sub>{md(title)} · {len(done)} graded'
            f'{f", {len(rows) - len(done)} not graded" if len(rows) > len(done) else ""}</p>')
    if not done:
        return head + "<p>No submission of this lesson was graded.</p></section>"
    figure_html = (f'<figure class="plot">{lesson_figure(name, rows)}<figcaption>{e(name)}: scores, and each part '
                   "split into full marks, some points and no points.</figcaption></figure>")
    declared = lessons()[name].misconceptions if name in lessons() else ()
    if any(r["lesson"] == name for r in found):
        said = "<h3>Most common misconceptions, per part</h3>" + misconception_table(name, found, len(done))
    elif declared:
        said = "<p>No misconception diagnosed in this lesson.</p>"
    else:
        said = "<p>This lesson declares no misconceptions yet (course.toml).</p>"
    return head + figure_html + said + "</section>"


def integrity_section(flags: list[dict]) -> str:
    """Each finding in a row; work graded without the sandbox in one sentence per reason (it is the host's
    doing, not the learner's, and in a class graded without it, every submission has that row)."""
    from .grade import UNFENCED  # noqa: PLC0415 -- grade.py imports this module

    if not flags:
        return "<p>No submission was flagged.</p>"
    unfenced = Counter(f["evidence"] for f in flags if f["finding"] == UNFENCED)
    found = [f for f in flags if f["finding"] != UNFENCED]
    said = "".join(f"<p><b>{count(n, 'submission')} graded without the operating-system sandbox</b>: "
                   f"<code>{e(why[:EVIDENCE])}</code></p>" for why, n in unfenced.most_common())
    if not found:
        return said
    by_submission = Counter((f["student"], f["lesson"]) for f in found)
    rows = [[e(f["student"]), e(f["lesson"]), e(f["finding"]),
             f"<code>{e(f['evidence'][:EVIDENCE])}{'…' if len(f['evidence']) > EVIDENCE else ''}</code>"]
            for f in found]
    return (said + f"<p>{count(len(by_submission), 'submission')} from "
            f"{count(len({s for s, _ in by_submission}), 'learner')}, {count(len(found), 'finding')}. "
            "Read each before grading it.</p>" + table(["student", "lesson", "finding", "evidence"], rows, cls="flags"))


def not_graded_section(rows: list[dict]) -> str:
    missing = [r for r in rows if not graded(r)]
    if not missing:
        return "<p>Every submission was graded.</p>"
    return table(["student", "lesson", "why"],
                 [[e(r["student"]), e(r["lesson"]), e(r["status"].removeprefix("not graded: "))] for r in missing],
                 cls="not-graded")


STYLE = """
body { font: 17px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: #1b1b1b;
       max-width: 1180px; margin: 0 auto; padding: 16px 24px 64px; }
h1 { font-size: 30px; margin: 8px 0 4px; } h2 { font-size: 24px; margin: 40px 0 4px; } h3 { font-size: 19px; }
p.sub, p.lead { color: #444; margin: 0 0 12px; } p.lead { font-size: 19px; }
nav a { margin-right: 14px; white-space: nowrap; }
figure.plot { margin: 8px 0; } figure.plot svg { max-width: 100%; height: auto; }
figcaption { color: #444; font-size: 15px; }
table { border-collapse: collapse; font-size: 16px; margin: 8px 0 16px; }
th, td { text-align: left; vertical-align: top; padding: 5px 10px; border-bottom: 1px solid #d0d0d0; }
th { border-bottom: 2px solid #888; } td.n, th.n { text-align: right; white-space: nowrap; }
code { font-size: 15px; overflow-wrap: anywhere; } .share { color: #555; }
"""


def page(out: Path) -> str:
    """The report's HTML, from OUT's files."""
    rows, found, flags = read(out / "grades.csv"), read(out / "misconceptions.csv"), read(out / "integrity.csv")
    by_lesson = defaultdict(list)
    for r in rows:
        by_lesson[r["lesson"]].append(r)
    names = [n for n in lessons() if n in by_lesson] + sorted(set(by_lesson) - set(lessons()))
    done = [r for r in rows if graded(r)]
    flagged = {(f["student"], f["lesson"]) for f in flags}
    diagnosed = {(r["student"], r["lesson"]) for r in found}
    lead = (f"{count(len(rows), 'submission')} from {count(len({r['student'] for r in rows}), 'learner')} in "
            f"{count(len(names), 'lesson')}: "
            f"{len(done)} graded, {len(rows) - len(done)} not graded, {len(flagged)} flagged for review. "
            f"{count(len(diagnosed), 'graded submission')} showed a misconception.")
    parts = ['<!doctype html><html lang="en"><head><meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             "<title>Class report · PyTorch Pitfalls</title>", f"<style>{STYLE}</style></head><body>",
             f'<h1>Class report</h1><p class="lead">{e(lead)}</p>',
             '<nav><a href="#lessons">lessons</a><a href="#misconceptions">misconceptions</a>'
             '<a href="#integrity">integrity review</a><a href="#not-graded">not graded</a>'
             + "".join(f'<a href="#{e(n)}">{e(n[:2])}</a>' for n in names) + "</nav>",
             '<h2 id="lessons">Scores by lesson</h2>']
    if done:
        parts.append(f'<figure class="plot">{overview(rows)}<figcaption>Each lesson\'s graded submissions: full '
                     "marks, some points, no points.</figcaption></figure>")
    parts.append('<h2 id="misconceptions">Most common misconceptions</h2>')
    if found:
        parts.append(f'<figure class="plot">{course_misconceptions(found)}<figcaption>The misconceptions held by the '
                     f"most learners, course-wide (top {TOP_COURSE}); each lesson's section lists them per part."
                     "</figcaption></figure>")
    else:
        parts.append("<p>No failed check named a misconception.</p>")
    parts += [lesson_section(n, by_lesson[n], found) for n in names]
    parts += ['<h2 id="integrity">Flagged for integrity review</h2>', integrity_section(flags),
              '<h2 id="not-graded">Not graded</h2>', not_graded_section(rows), "</body></html>"]
    return "\n".join(parts)


def write(out: Path) -> Path:
    """Write OUT/report.html from OUT's files; its path."""
    dest = out / "report.html"
    write_atomic(dest, page(out))
    return dest


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or not (Path(args[0]) / "grades.csv").is_file():
        print("usage: python -m autograde.report OUT  (a folder `make autograde` wrote grades.csv in)", file=sys.stderr)
        return 2
    print(write(Path(args[0])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
