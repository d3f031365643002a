"""Feedback that shows each test's result and message but never the source of hidden tests.

Stock nbgrader feedback contains the autograded notebook as it ran, hidden tests included, and
handing it back leaks them to the next cohort. Here nbgrader's own ClearHiddenTests (its delimiters
from the course's config) removes the hidden region of each test cell, a comment says where it was,
and error tracebacks (which quote the failing source line) are cut to their last line.
"""

from __future__ import annotations

import functools
import json
import re

import jinja2
from bs4 import BeautifulSoup
from nbconvert.exporters import HTMLExporter, TemplateExporter
from nbconvert.filters.highlight import Highlight2HTML
from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter
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


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept for the life of the worker: nbgrader makes a new exporter, and so a new
    template environment, for every page; jinja checks each template's source before reusing its code."""

    def __init__(self):
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


COMPILED = _CompiledTemplates()
ALT = "No description has been provided for this image"  # nbconvert's own words for an image without alt text
# an image exactly as nbconvert's templates write one: a data URI (base64 has no quote and no '>') and
# attributes whose values are HTML-escaped (no '<' or '>')
TEMPLATE_IMAGE = re.compile(r'<img src="data:image/[a-z+]+;base64,[A-Za-z0-9+/=\s]*"([^<>]*)>')
FOCUSABLE = ("jp-Cell-inputWrapper", "jp-OutputArea-output")  # the classes nbconvert makes focusable


# A test cell's output wraps at the page's edge: a check's message and the diagnosis line under it are read
# whole, not scrolled sideways (the classic template's <pre> keeps each line on one line).
WRAPPED = "<style>.output_text pre { white-space: pre-wrap; word-break: normal; overflow-wrap: break-word; }</style>\n"

HIGHLIGHTERS: dict[str, Highlight2HTML] = {}  # one per lexer and formatter options


@functools.lru_cache(maxsize=4096)
def _highlighted(options: str, source: str, language: str | None, metadata: str) -> str:
    return HIGHLIGHTERS[options](source, language, json.loads(metadata) if metadata else None)


class FeedbackPage(HTMLExporter):
    """nbconvert's HTML page, as nbgrader's generate_feedback writes it, made for less.

    The page is the same document. What a class repeats is done once per worker: the templates are
    compiled once, and a cell's code is highlighted once (every submission shows the same locked and test
    cells). nbconvert then parses the whole page with BeautifulSoup only to give each image without alt
    text its stock alt text and to make JupyterLab-style cells focusable; that parse was half the cost of a
    page. The feedback template is the classic one, which has no such cells, and writes each image as one
    `<img src="data:…">` tag: where those are the only images, alt text goes straight into them. A page with
    any other image (a learner's own HTML output) or a focusable class takes nbconvert's own path.
    """

    def _create_environment(self):
        environment = super()._create_environment()
        environment.bytecode_cache = COMPILED
        return environment

    def from_notebook_node(self, nb, resources=None, **kw):
        """HTMLExporter.from_notebook_node, step for step, with the highlighter memoized and the parse only
        where it could change something."""
        language = nb.metadata.get("language_info", {})
        highlight = self.filters.get("highlight_code") or memoized(
            Highlight2HTML(pygments_lexer=language.get("pygments_lexer", language.get("name", None)), parent=self))
        resources = self._init_resources(resources)
        data_types = WidgetsDataTypeFilter(notebook_metadata=self._nb_metadata, parent=self, resources=resources)
        self.register_filter("highlight_code", highlight)
        self.register_filter("filter_data_type", data_types)
        html, resources = TemplateExporter.from_notebook_node(self, nb, resources, **kw)
        html = html.replace("</head>", WRAPPED + "</head>", 1)
        page = accessible(html)
        return (self.parsed(html) if page is None else page), resources

    def parsed(self, html: str) -> str:
        """nbconvert's own accessibility pass (HTMLExporter.from_notebook_node), unchanged."""
        soup = BeautifulSoup(html, features="html.parser")
        missing_alt = 0
        for elem in soup.select("img:not([alt])"):
            elem.attrs["alt"] = ALT
            missing_alt += 1
        if missing_alt:
            self.log.warning("Alternative text is missing on %s image(s).", missing_alt)
        for elem in soup.select(".jp-Notebook div.jp-Cell-inputWrapper"):
            elem.attrs["tabindex"] = "0"
        for elem in soup.select(".jp-Notebook div.jp-OutputArea-output"):
            elem.attrs["tabindex"] = "0"
        return str(soup)


def memoized(highlight: Highlight2HTML):
    """The highlighter, remembering what it has highlighted (the output depends only on its arguments)."""
    options = json.dumps([highlight.pygments_lexer, highlight.extra_formatter_options], sort_keys=True, default=str)
    HIGHLIGHTERS.setdefault(options, highlight)

    def highlight_code(source, language=None, metadata=None):
        # of a cell's metadata nbconvert reads only `magics_language`; the rest (its run's timings, say) would
        # make every cell of every submission a new key
        said = metadata or {}
        magics = json.dumps({"magics_language": said["magics_language"]}) if "magics_language" in said else ""
        return _highlighted(options, source, language, magics)
    return highlight_code


def accessible(html: str) -> str | None:
    """The page with nbconvert's alt text in every image that has none, when the template wrote every image
    and no cell is to be made focusable; else None (nbconvert's BeautifulSoup pass is then needed)."""
    if any(name in html for name in FOCUSABLE):
        return None
    if len(TEMPLATE_IMAGE.findall(html)) != len(re.findall(r"<img", html, re.IGNORECASE)):
        return None
    return TEMPLATE_IMAGE.sub(lambda m: m[0] if re.search(r"(^|\s)alt=", m[1]) else f'{m[0][:-1]} alt="{ALT}">', html)
