"""The notebook that is graded: the release notebook with only the learner's answer cells put in.

Whatever a submission does to other cells (edits a locked or test cell, deletes, duplicates or
re-tags one, changes its metadata) cannot reach grading: those cells come from the release.
Each such change is still reported, so an instructor can see who tried.
"""

from __future__ import annotations

import copy
from collections import Counter


def grade_id(cell: dict) -> str | None:
    meta = cell.get("metadata", {}).get("nbgrader")
    return meta.get("grade_id") if isinstance(meta, dict) else None


def text(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def is_answer(cell: dict) -> bool:
    return bool(cell.get("metadata", {}).get("nbgrader", {}).get("solution"))


def rebuild(submitted: dict, release: dict) -> tuple[dict, list[tuple[str, str]]]:
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

    graded = copy.deepcopy(release)
    for cell in graded["cells"]:
        gid = grade_id(cell)
        if gid is None:
            continue
        theirs = by_id.get(gid)
        if is_answer(cell):
            if theirs is not None and is_answer(theirs):
                cell["source"] = text(theirs)
            continue
        kind = "test cell" if cell["metadata"]["nbgrader"].get("grade") else "locked cell"
        if theirs is None:
            findings.append((f"{kind} {gid} deleted or its metadata removed", f"no cell with grade id {gid}"))
        elif text(theirs) != text(cell):
            ours, mine = text(cell).splitlines(), text(theirs).splitlines()
            added = [line for line in mine if line not in ours]
            evidence = added[0].strip() if added else f"{len(set(ours) - set(mine))} lines removed"
            findings.append((f"{kind} {gid} differs from the release", evidence))
        elif theirs["metadata"].get("nbgrader") != cell["metadata"]["nbgrader"]:
            findings.append((f"{kind} {gid} metadata changed", str(theirs["metadata"].get("nbgrader"))[:200]))
    known = {grade_id(c) for c in release["cells"]}
    for gid in sorted(set(counts) - known):
        findings.append(("cell with a grade id the lesson does not have", gid))
    return graded, findings
