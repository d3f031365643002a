"""Feedback that shows each test's result and message but never the source of hidden tests.

Stock nbgrader feedback contains the autograded notebook as it ran, hidden tests included, and
handing it back leaks them to the next cohort. Here nbgrader's own ClearHiddenTests (its delimiters
from the course's config) removes the hidden region of each test cell, a comment says where it was,
and error tracebacks (which quote the failing source line) are cut to their last line.
"""

from __future__ import annotations

from nbgrader.preprocessors import ClearHiddenTests
from nbgrader.utils import is_grade

PLACEHOLDER = "# (hidden tests ran here; their source is not shown)"


class FeedbackWithoutHiddenTests(ClearHiddenTests):
    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type != "code" or not is_grade(cell):
            return cell, resources
        lines = cell.source.split("\n")
        at = next((i for i, line in enumerate(lines) if self.begin_test_delimeter in line), None)
        cell, resources = super().preprocess_cell(cell, resources, index)
        if at is not None:
            kept = cell.source.split("\n")
            indent = lines[at][: len(lines[at]) - len(lines[at].lstrip())]
            cell.source = "\n".join([*kept[:at], indent + PLACEHOLDER, *kept[at:]])
        for out in cell.get("outputs", []):
            if out.output_type == "error":
                out.traceback = [f"{out.ename}: {out.evalue}"]
        return cell, resources
