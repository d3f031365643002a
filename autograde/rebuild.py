"""The notebook that is graded: the release notebook with only the learner's answer cells put in.

Whatever a submission does to other cells (edits a locked or test cell, deletes, duplicates or
re-tags one, changes its metadata) cannot reach grading: those cells come from the release.
Each such change is still reported, so an instructor can see who tried. The release is read with
nbformat and nbgrader's own cell predicates; the submission is untrusted JSON, read defensively.
"""

from __future__ import annotations

import json
from collections import Counter

import nbformat
from nbgrader.utils import is_grade, is_solution


def nbgrader_meta(cell: dict) -> dict:
    """A submitted cell's nbgrader metadata, or {} when it is missing or not a dict."""
    meta = cell.get("metadata") if isinstance(cell, dict) else None
    meta = meta.get("nbgrader") if isinstance(meta, dict) else None
    return meta if isinstance(meta, dict) else {}


def grade_id(cell: dict) -> str | None:
    gid = nbgrader_meta(cell).get("grade_id")
    return gid if isinstance(gid, str) else None


def text(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def is_answer(cell: dict) -> bool:
    return bool(nbgrader_meta(cell).get("solution"))


def rebuild(submitted: dict, release: dict) -> tuple[nbformat.NotebookNode, list[tuple[str, str]]]:
    """(graded notebook, findings): findings are (what happened, evidence) for the integrity report."""
    findings: list[tuple[str, str]] = []
    cells = [c for c in submitted.get("cells", []) if isinstance(c, dict)]
    counts = Counter(gid for c in cells if (gid := grade_id(c)))
    by_id: dict[str, dict] = {}
    for cell in cells:
        gid = grade_id(cell)
        if gid and gid not in by_id:
            by_id[gid] = cell
    for gid, n in sorted(counts.items()):
        if n > 1:
            findings.append((f"cell {gid} duplicated", f"{n} cells carry grade id {gid}"))

    graded = nbformat.reads(json.dumps(release), as_version=4)
    for cell in graded.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        if gid is None:
            continue
        theirs = by_id.get(gid)
        if is_solution(cell):
            if theirs is not None and is_answer(theirs):
                cell.source = text(theirs)
            continue
        kind = "test cell" if is_grade(cell) else "locked cell"
        if theirs is None:
            findings.append((f"{kind} {gid} deleted or its metadata removed", f"no cell with grade id {gid}"))
        elif text(theirs) != cell.source:
            ours, mine = cell.source.splitlines(), text(theirs).splitlines()
            added = [line for line in mine if line not in ours]
            evidence = added[0].strip() if added else f"{len(set(ours) - set(mine))} lines removed"
            findings.append((f"{kind} {gid} differs from the release", evidence))
        elif nbgrader_meta(theirs) != cell.metadata.nbgrader:
            findings.append((f"{kind} {gid} metadata changed", str(nbgrader_meta(theirs))[:200]))
    known = {grade_id(c) for c in release["cells"]}
    for gid in sorted(set(counts) - known):
        findings.append(("cell with a grade id the lesson does not have", gid))
    return graded, findings


def answers(graded: nbformat.NotebookNode) -> dict[str, str]:
    """grade_id -> source of every answer cell of a graded notebook."""
    return {cell.metadata.nbgrader.grade_id: cell.source for cell in graded.cells if is_solution(cell)}
