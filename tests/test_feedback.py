"""autograde.feedback: nbgrader's ClearHiddenTests cuts the hidden region, a note marks it, tracebacks shrink."""

from __future__ import annotations

import nbformat
import pytest
from traitlets.config import Config

from autograde.feedback import PLACEHOLDER, FeedbackWithoutHiddenTests


def grade_cell(source: str, grade: bool = True) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell(source)
    cell.metadata["nbgrader"] = {"grade": grade, "solution": not grade, "grade_id": "t", "points": 1}
    return cell


def feedback(*cells, config: Config | None = None) -> nbformat.NotebookNode:
    nb, _ = FeedbackWithoutHiddenTests(config=config).preprocess(nbformat.v4.new_notebook(cells=list(cells)), {})
    return nb


def test_the_hidden_region_is_replaced_by_one_placeholder_line():
    source = 'check(a)\n    ### BEGIN HIDDEN TESTS\n    secret(b)\n    ### END HIDDEN TESTS\nprint("Success!")'
    assert feedback(grade_cell(source)).cells[0].source == f'check(a)\n    {PLACEHOLDER}\nprint("Success!")'


def test_the_delimiters_come_from_the_course_config():
    config = Config()
    config.ClearHiddenTests.begin_test_delimeter = "SECRET START"
    config.ClearHiddenTests.end_test_delimeter = "SECRET END"
    source = "check(a)\n# SECRET START\nsecret(b)\n# SECRET END"
    assert "secret" not in feedback(grade_cell(source), config=config).cells[0].source


def test_tracebacks_of_test_cells_keep_only_the_message():
    cell = grade_cell("### BEGIN HIDDEN TESTS\nsecret()\n### END HIDDEN TESTS")
    cell.outputs = [nbformat.v4.new_output("error", ename="CheckFailed", evalue="wrong",
                                           traceback=["  secret()  # line that leaks", "CheckFailed: wrong"])]
    answer = grade_cell("mine()", grade=False)
    answer.outputs = [nbformat.v4.new_output("error", ename="E", evalue="x", traceback=["mine()", "E: x"])]
    nb = feedback(cell, answer)
    assert "secret" not in nb.cells[0].source
    assert nb.cells[0].outputs[0].traceback == ["CheckFailed: wrong"]
    assert nb.cells[1].outputs[0].traceback == ["mine()", "E: x"], "the learner's own traceback stays"


def page(exporter_class, *cells) -> str:
    """A page made with nbconvert's classic template, which nbgrader's feedback template extends."""
    nb = nbformat.v4.new_notebook(cells=list(cells), metadata={"language_info": {"name": "python"}})
    return exporter_class(template_name="classic").from_notebook_node(nb)[0]


def with_outputs(*outputs) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell("show()  # a 'quoted' <b>line</b> & more")
    cell.outputs = list(outputs)
    return cell


def png_output(**metadata) -> nbformat.NotebookNode:
    import torch  # noqa: PLC0415

    from pitfalls.widgets import show_graph  # noqa: PLC0415

    image = show_graph({"y": (torch.ones(2, requires_grad=True) * 2).sum()})
    return nbformat.v4.new_output("display_data", data={"image/png": image._repr_png_()}, metadata=metadata)


def test_the_cheaper_feedback_page_is_nbconverts_page():
    """Same document as nbconvert's HTMLExporter writes (its BeautifulSoup pass gives what was skipped), alt
    text included, for pictures, text, a traceback and an image with alt text of its own."""
    from bs4 import BeautifulSoup  # noqa: PLC0415
    from nbconvert.exporters import HTMLExporter  # noqa: PLC0415

    from autograde.feedback import ALT, WRAPPED, FeedbackPage  # noqa: PLC0415

    cells = [nbformat.v4.new_markdown_cell("# Part 1\nSome *text* & `code`."),
             with_outputs(png_output(), nbformat.v4.new_output("stream", name="stdout", text="Success!\n"),
                          png_output(**{"image/png": {"width": 40}})),
             with_outputs(nbformat.v4.new_output("error", ename="CheckFailed", evalue="<wrong>", traceback=["x"])),
             with_outputs(png_output(**{"image/png": {"alt": "the graph"}}))]
    stock = page(HTMLExporter, *cells).replace("</head>", WRAPPED + "</head>", 1)  # its one addition: lines wrap
    for _ in range(2):  # the second page reuses compiled templates and highlighted cells
        fast = page(FeedbackPage, *cells)
        assert str(BeautifulSoup(fast, features="html.parser")) == stock
    assert fast.count(f'alt="{ALT}"') == 2 and 'alt="the graph"' in fast


@pytest.mark.filterwarnings("ignore:No lexer found for language ''")  # nbconvert's, for the empty magics_language
def test_a_cell_is_highlighted_once_whatever_its_runs_timings_and_as_its_magics_language_says():
    """Every submission's cells carry their own execution timings; only `magics_language` changes the HTML."""
    from bs4 import BeautifulSoup  # noqa: PLC0415
    from nbconvert.exporters import HTMLExporter  # noqa: PLC0415

    from autograde.feedback import WRAPPED, FeedbackPage, _highlighted  # noqa: PLC0415

    source = "x = 1  # the same cell, run twice"
    runs = [nbformat.v4.new_code_cell(source, metadata={"execution": {"iopub.status.busy": f"2026-11-26T1{i}:00"}})
            for i in range(2)]
    bash = nbformat.v4.new_code_cell("%%bash\necho 'not python' && ls", metadata={"magics_language": "bash"})
    unnamed = nbformat.v4.new_code_cell("echo = 1", metadata={"magics_language": ""})  # named, though empty
    def ipython_page(exporter_class, cell) -> str:  # as a lesson's notebook says: magics are read in ipython3 only
        nb = nbformat.v4.new_notebook(cells=[cell], metadata={"language_info": {"name": "python",
                                                                                "pygments_lexer": "ipython3"}})
        return exporter_class(template_name="classic").from_notebook_node(nb)[0]

    _highlighted.cache_clear()
    for cell in (*runs, bash, unnamed):
        stock = ipython_page(HTMLExporter, cell).replace("</head>", WRAPPED + "</head>", 1)
        assert str(BeautifulSoup(ipython_page(FeedbackPage, cell), features="html.parser")) == stock
    assert '<span class="nb">echo</span>' in ipython_page(FeedbackPage, bash)  # a bash builtin, highlighted as bash
    assert _highlighted.cache_info().misses == 3  # the second run's cell was the first one's, already highlighted


def test_a_page_with_an_image_of_the_learners_own_takes_nbconverts_own_path():
    from nbconvert.exporters import HTMLExporter  # noqa: PLC0415

    from autograde.feedback import WRAPPED, FeedbackPage  # noqa: PLC0415

    theirs = with_outputs(png_output(), nbformat.v4.new_output("display_data", data={"text/html": "<img src='x.png'>"}))
    focusable = with_outputs(nbformat.v4.new_output("display_data", data={
        "text/html": '<div class="jp-Notebook"><div class="jp-OutputArea-output">hi</div></div>'}))
    for cell in (theirs, focusable):
        assert page(FeedbackPage, cell) == page(HTMLExporter, cell).replace("</head>", WRAPPED + "</head>", 1)
