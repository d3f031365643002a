"""Feedback that shows each test's result and message but never the source of hidden tests.

Stock nbgrader feedback contains the autograded notebook as it ran, hidden tests included, and
handing it back leaks them to the next cohort. In test cells this removes the hidden region and
shortens error tracebacks (which quote the failing source line) to their last line.
"""

from __future__ import annotations

from nbgrader.preprocessors import NbGraderPreprocessor

BEGIN, END = "BEGIN HIDDEN TESTS", "END HIDDEN TESTS"
PLACEHOLDER = "# (hidden tests ran here; their source is not shown)"


def without_hidden_tests(source: str) -> str:
    lines, hidden = [], False
    for line in source.split("\n"):
        if BEGIN in line:
            hidden = True
            lines.append(line[: len(line) - len(line.lstrip())] + PLACEHOLDER)
        elif END in line:
            hidden = False
        elif not hidden:
            lines.append(line)
    return "\n".join(lines)


class HideHiddenTests(NbGraderPreprocessor):
    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type == "code" and cell.metadata.get("nbgrader", {}).get("grade"):
            cell.source = without_hidden_tests(cell.source)
            for out in cell.get("outputs", []):
                if out.output_type == "error":
                    out.traceback = [f"{out.ename}: {out.evalue}"]
        return cell, resources
