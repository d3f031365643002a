"""autograde.integrity and autograde.audit: what honest answers never need is reported; honest answers are not.

Every rule of the scan is shown catching its construct and letting the honest look-alike pass; every
allowlist is shown to be exactly what the solutions, the catalogued answers and the lessons' own cells
use. The run-time audit is shown catching each thing it watches, in a real grading kernel.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys

import nbformat
import pytest

from autograde import integrity
from autograde.integrity import HONEST_DUNDERS, known, scan, silent_passes, tampering
from autograde.submissions import catalogue, solved, solved_answers
from pitfalls.course import ROOT, lessons
from tests.conftest import LESSONS

FIRST = next(iter(LESSONS))

# (what the finding says, a construct no honest answer needs, the honest look-alike that must pass)
RULES = [
    ("uses eval, which runs code built at run time", 'eval("w.is_leaf")', "model.eval()"),
    ("uses exec, which runs code built at run time", "run = exec", "executed = model.training"),
    ("uses vars, which reads a namespace as a dict", 'vars()["checks"]', 'model.state_dict()["fc.weight"]'),
    ("uses globals, which reads a namespace as a dict", "names = globals()", "n_globals = 3"),
    ("uses open, which opens a file", 'open("../../solutions/x.ipynb").read()', "is_open = True"),
    ("calls input(), which waits for a person", "answer = input()",
     "def forward(self, input):\n    return self.fc(input)"),
    ("uses getattr with a computed name on a module", 'getattr(checks, "expect_" + "equal")',
     'getattr(checks, "expect_equal")'),
    ("uses setattr with a computed name on a module", "for name in dir(F):\n    setattr(F, name, print)",
     "for name, b in model.named_buffers():\n    setattr(ema, name, b.clone())"),
    ("uses getattr with a computed name on a module", 'ns = vars()\nwalk = getattr(ns["o" + "s"], "wa" + "lk")',
     'layer = getattr(model, f"layer{i}")'),
    ("uses getattr with a computed name on a module", "look = getattr", 'getattr(model, "bias", None)'),
    ("reaches __dict__", "w.__dict__", "super().__init__()"),
    ("reaches __builtins__", 'ns["__builtins__"]', 'version = t._version'),
    ("reaches __globals__", "checks.fail.__globals__", "fail = checks.expect_equal"),
    ("defines __eq__, which can make an object agree with any test",
     "class Yes:\n    def __eq__(self, other):\n        return True",
     "class Head(nn.Module):\n    def __init__(self):\n        super().__init__()"),
    ("imports os, which this lesson does not use", "import os", "import math"),
    ("imports pitfalls.course, which this lesson does not use", "from pitfalls import course",
     "from pitfalls import checks"),
    ("imports torch.multiprocessing, which this lesson does not use", "import torch.multiprocessing as mp",
     "import torch.nn.functional as F"),
    ("imports torch._dynamo, which this lesson does not use", "from torch import _dynamo", "from torch import nn"),
    ("imports numpy.*, which this lesson does not use", "from numpy import *", "from numpy import float32"),
    ("reaches the module os through an attribute", 'torch.os.listdir(".")', "torch.linalg.norm(x)"),
    ("reaches the module ctypeslib through an attribute", "np.ctypeslib", "np.testing"),
    ("uses sys without importing it", "sys.modules", "model.modules()"),
    ("uses get_ipython, the kernel's own", "get_ipython().events", "events = []"),
    ("uses _i3, the kernel's own", "source = _i3", "_x3 = 1"),
    ("uses In, the kernel's own", "source = In[3]", "inputs = x"),
    ("reads or writes files through .fromfile", 'np.fromfile("x", dtype=np.uint8)',
     "np.frombuffer(b'x', dtype=np.uint8)"),
    ("reads or writes files through .load", 'torch.load("x.pt")', "model.load_state_dict(sd)"),
    ("changes torch, which the tests use", "torch.allclose = lambda *a, **k: True", "w.grad = None"),
    ("changes t, which the tests use", "t = torch\nt.equal = print", "t = torch.zeros(3)\nt.requires_grad = True"),
    ("changes m, which the tests use", "for m in (torch, checks):\n    m.fail = print",
     "for m in model.modules():\n    m.training = False"),
    ("changes checks, which the tests use", 'setattr(checks, "fail", print)', 'setattr(model, "fc", None)'),
    ("rebinds checks, which the tests use", "class checks:\n    pass", "class Checks:\n    pass"),
    ("rebinds make_model, which the tests use", "def make_model():\n    pass", "def make_my_model():\n    pass"),
    ("rebinds print, which the tests use", "print = len", "printed = len"),
]


@pytest.mark.parametrize("finding, construct, honest", RULES, ids=[r[0].split(",")[0] for r in RULES])
def test_each_rule_catches_its_construct_and_lets_the_honest_look_alike_pass(finding, construct, honest):
    found = scan({"leaf-2": construct})
    assert any(f.startswith(f"leaf-2: {finding}") for f, _ in found), found
    assert all(evidence and evidence in construct for _, evidence in found)
    assert scan({"leaf-2": honest}) == []


def test_every_rule_is_shown_catching_something():
    """A rule that cannot fail is a defect: each rule of the table has a construct above that it alone finds."""
    caught = set()
    for _, construct, _ in RULES:
        ctx = integrity.context([integrity.parse(construct)], integrity.lesson_of("leaf-2"))
        caught |= {rule for rule in integrity.RULES for node in ast.walk(integrity.parse(construct)) if rule(node, ctx)}
    assert caught == set(integrity.RULES)


def test_a_file_verb_is_honest_only_in_a_lesson_whose_own_cells_use_it():
    """Lesson 05 saves a state dict with torch.save into an io.BytesIO: its learners may too; lesson 01's may not."""
    tree = integrity.parse("torch.save(sd, buffer)")
    save = next(n for n in ast.walk(tree) if isinstance(n, ast.Attribute) and n.attr == "save")
    teaches = integrity.LessonCode(files=frozenset({"save"}))
    assert integrity.file_access(save, integrity.context([tree], teaches)) is None
    assert integrity.file_access(save, integrity.context([tree], integrity.LessonCode())) is not None


def test_open_is_honest_only_in_a_lesson_whose_own_cells_call_it():
    """A lesson that writes a checkpoint's bytes with open() and fsyncs them teaches open(); elsewhere it is a reach."""
    tree = integrity.parse('with open(temporary, "wb") as f:\n    f.write(data)')
    call = next(n for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id == "open")
    teaches = integrity.LessonCode(files=frozenset({"open"}))
    assert integrity.reaching_builtin(call, integrity.context([tree], teaches)) is None
    assert integrity.reaching_builtin(call, integrity.context([tree], integrity.LessonCode())) is not None


def test_a_dunder_attribute_is_honest_only_in_a_lesson_whose_own_cells_read_it():
    """Lesson 07 prints type(m).__name__; its learners may too, and lesson 01's still may not."""
    tree = integrity.parse("names = [type(m).__name__ for m in model.modules()]")
    read = next(n for n in ast.walk(tree) if isinstance(n, ast.Attribute) and n.attr == "__name__")
    teaches = integrity.LessonCode(dunders=frozenset({"__name__"}))
    assert integrity.dunder_access(read, integrity.context([tree], teaches)) is None
    assert integrity.dunder_access(read, integrity.context([tree], integrity.LessonCode())) is not None


def test_a_system_module_the_lesson_imports_itself_is_no_reach_from_an_answer():
    """Lesson 05's setup cell imports io for its BytesIO round trip; an answer that uses it reaches nothing new."""
    tree = integrity.parse("buffer = io.BytesIO()")
    name = next(n for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id == "io")
    imports_io = integrity.LessonCode(bound_to={"io": "io"})
    assert integrity.system_module(name, integrity.context([tree], imports_io)) is None
    assert integrity.system_module(name, integrity.context([tree], integrity.LessonCode())) is not None


def test_an_import_of_the_module_the_lesson_binds_under_that_name_is_no_rebinding():
    assert scan({"detach-2": "import numpy as np"}) == []
    assert scan({"detach-2": "import torch as np"}) == [("detach-2: rebinds np, which the tests use",
                                                         "import torch as np")]


def test_comments_and_strings_that_mention_a_construct_are_not_findings():
    assert scan({"leaf-1": '# never call eval(x), vars() or os._exit here\nnote = "import os; open(f)"\nx = 1'}) == []


def test_code_that_does_not_parse_is_not_flagged():
    assert scan({"leaf-1": "def broken(:\n    eval('x')"}) == []


def test_each_finding_names_the_part_and_quotes_the_line():
    found = scan({"leaf-1": "x = 1\nns = vars()\n", "leaf-2": "import os"})
    assert found == [("leaf-1: uses vars, which reads a namespace as a dict", "ns = vars()"),
                     ("leaf-2: imports os, which this lesson does not use", "import os")]


def honest_sources() -> list[tuple[str, str]]:
    return [(part, source) for lesson in LESSONS.values()
            for part, source in [*solved_answers(lesson).items(), *((w.answer, w.source) for w in catalogue(lesson))]]


def test_no_solution_and_no_catalogued_answer_is_flagged():
    for lesson in LESSONS.values():
        assert scan(solved_answers(lesson)) == [], lesson.name
        for wrong in catalogue(lesson):
            assert scan({wrong.answer: wrong.source}) == [], wrong.name


def test_the_dunder_allowlist_is_exactly_what_honest_answers_use():
    used = set()
    for _, source in honest_sources():
        for node in ast.walk(ast.parse(source)):
            name = getattr(node, "attr", None) or getattr(node, "name", None) or getattr(node, "id", None)
            if isinstance(name, str) and integrity.dunder(name):
                used.add(name)
    whole_course = set(LESSONS) == set(lessons())  # `--lesson` picks some: their answers use a part of the list
    assert used == set(HONEST_DUNDERS) if whole_course else used <= set(HONEST_DUNDERS)


def test_every_import_a_lesson_or_an_honest_answer_makes_is_allowed():
    """Derived, then tested: the lessons' own cells and honest answers import nothing the scan would flag
    in their lesson."""
    for lesson in LESSONS.values():
        nb = json.loads((lesson.source if lesson.source.is_file() else lesson.release).read_text())
        ctx = integrity.context([], known()[lesson.name])
        sources = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"] + \
                  [source for part, source in honest_sources() if integrity.lesson_of(part) == ctx.lesson]
        for source in sources:
            for node in ast.walk(ast.parse(source)):
                if isinstance(node, (ast.Import, ast.ImportFrom)):
                    assert integrity.outside_import(node, ctx) is None, ast.unparse(node)


def test_a_module_that_opens_the_system_is_honest_only_in_a_lesson_whose_own_cells_import_it():
    """A lesson that imports os for its files lets its own answers import it; every other lesson's answers
    still report it."""
    tree = integrity.parse("import os")
    imports_os = integrity.LessonCode(imports=frozenset({"os"}))
    assert integrity.outside_import(tree.body[0], integrity.context([tree], imports_os)) is None
    assert integrity.outside_import(tree.body[0], integrity.context([tree], integrity.LessonCode())) is not None


def test_the_standard_modules_allowed_open_nothing():
    """Each allowed standard module imports none of the modules the scan counts as opening the system by name:
    a learner reaching `copy.os` or `random._os` would still be flagged for the attribute."""
    for name in integrity.STANDARD:
        assert name not in integrity.SYSTEM


def test_names_the_tests_read_are_derived_from_the_lessons_own_cells():
    first = known()[FIRST]
    assert {"checks", "torch", "print"} <= first.tests_read
    assert not any(integrity.dunder(n) for n in first.tests_read)


def test_kernel_names_cover_what_ipython_puts_in_the_namespace():
    """Every name IPython adds to the notebook's namespace is one the scan reports (or a builtin it reports),
    but `_`: the last result, and Python's name for a value thrown away (`for _ in range(3)`)."""
    code = ("from IPython.core.interactiveshell import InteractiveShell; s = InteractiveShell.instance(); "
            "s.run_cell('1', store_history=True); s.run_cell('2', store_history=True); "
            "print('names:', *sorted(set(s.user_ns) - set(dir(__builtins__))))")
    printed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT).stdout
    names = printed.split("names:", 1)[1].split()
    assert names
    for name in set(names) - {"_"}:
        assert integrity.kernel_name(name) or integrity.dunder(name) or name in integrity.BUILTINS, name


def test_a_test_cell_that_ended_quietly_is_a_silent_pass():
    def cell(outputs):
        return {"cell_type": "code", "metadata": {"nbgrader": {"grade": True, "grade_id": "t"}}, "outputs": outputs}

    ok = cell([{"output_type": "stream", "name": "stdout", "text": ["Success!\n"]}])
    failed = cell([{"output_type": "error", "ename": "CheckFailed", "evalue": "", "traceback": []}])
    quiet = cell([])
    assert silent_passes({"cells": [ok, failed]}) == []
    assert silent_passes({"cells": [quiet]}) == [("t: passed without printing Success!", "(no output)")]


# The run-time audit, in real kernels.

def graded_notebook(answer: str) -> nbformat.NotebookNode:
    """A lesson in three cells: the imports, an answer cell, and a test cell that checks with pitfalls.checks."""
    meta = {"schema_version": 3, "locked": True, "solution": False}
    return nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("import torch\nfrom pitfalls import checks"),
        nbformat.v4.new_code_cell(answer, metadata={"nbgrader": {**meta, "solution": True, "locked": False,
                                                                 "grade": False, "grade_id": "a"}}),
        nbformat.v4.new_code_cell('checks.expect_equal(1 + 1, 2, "two")\nprint("Success!")',
                                  metadata={"nbgrader": {**meta, "grade": True, "grade_id": "a-tests", "points": 1}}),
        nbformat.v4.new_code_cell('print("after")'),
    ])


@pytest.fixture(autouse=True)
def course_importable(monkeypatch):
    """As grading starts kernels (autograde.nbgrader_cli.course_env): the course importable, autograde.audit too."""
    monkeypatch.setenv("PYTHONPATH", str(ROOT))


def execute(nb: nbformat.NotebookNode, tmp_path, forked: bool = True) -> nbformat.NotebookNode:
    from jupyter_client.manager import AsyncKernelManager

    from autograde.execute import BoundedExecute
    from autograde.kernels import ForkedKernelManager

    manager = ForkedKernelManager if forked else AsyncKernelManager
    BoundedExecute(timeout=30, kernel_manager_class=manager, shutdown_kernel="immediate").preprocess(
        nb, {"metadata": {"path": str(tmp_path)}})
    return nb


# (what the audit must name, answer-cell code that changes it, written plainly: the scan is not what is tested)
TAMPERING = [
    ("pitfalls.checks.expect_equal", "def off(m):\n    m.expect_equal = lambda *a, **k: None\noff(checks)"),
    ("pitfalls.checks.Predictions.score", "def off(c):\n    c.score = lambda self: 2.0\noff(checks.Predictions)"),
    ("torch.allclose", "def off(m):\n    m.allclose = lambda *a, **k: True\noff(torch)"),
    ("torch.Tensor.backward", "def off(c):\n    c.backward = lambda self, *a, **k: None\noff(torch.Tensor)"),
    ("builtins.round", "import builtins\nbuiltins.round = lambda *a: 2"),
    ("shell.input_transformers_cleanup", "get_ipython().input_transformers_cleanup.append(lambda lines: lines)"),
    ("shell.ast_transformers", "import ast\nget_ipython().ast_transformers.append(ast.NodeTransformer())"),
    ("shell.events['pre_run_cell']", "get_ipython().events.register('pre_run_cell', lambda info: None)"),
    ("shell.CustomTB", "get_ipython().set_custom_exc((Exception,), lambda *a, **k: None)"),
    ("shell.run_cell", "shell = get_ipython()\nshell.run_cell = shell.run_cell"),
    ("sys.gettrace()", "import sys\nsys.settrace(lambda *a: None)"),
    ("sys.stdout", "import contextlib, io\n"
                   "contextlib.ExitStack().enter_context(contextlib.redirect_stdout(io.StringIO()))"),
    ("threads running code of their own",
     "import threading, time\nthreading.Thread(target=lambda: time.sleep(20), daemon=True).start()"),
    ("child processes running", "import subprocess\nchild = subprocess.Popen(['sleep', '20'])"),
]


@pytest.mark.slow
@pytest.mark.parametrize("changed, answer", TAMPERING, ids=[t[0] for t in TAMPERING])
def test_the_audit_names_what_an_answer_changed_and_the_test_cells_from_there_do_not_run(tmp_path, changed, answer):
    nb = execute(graded_notebook(answer), tmp_path)
    [(finding, evidence)] = tampering(nb)
    assert finding == "a-tests: the kernel was changed before this test cell ran"
    assert changed in evidence.split(", ")
    assert [o.ename for o in nb.cells[2].outputs] == [integrity.TAMPERED]
    assert nb.cells[3].outputs[0].evalue == "not run: the kernel was changed before a-tests ran"


@pytest.mark.slow
@pytest.mark.parametrize("forked", [True, False], ids=["forked kernel", "fresh kernel"])
def test_an_honest_answer_leaves_the_kernel_as_the_audit_found_it(tmp_path, forked):
    """In a fresh kernel `import pitfalls` installs its exception handler: the audit reads the kernel after
    importing what the fork server imports, so that is no change."""
    nb = execute(graded_notebook("import numpy as np\nx = np.zeros(3)"), tmp_path, forked)
    assert tampering(nb) == []
    assert [o.text for o in nb.cells[2].outputs] == ["Success!\n"]


@pytest.mark.slow
def test_a_solved_lesson_in_a_fresh_kernel_gives_the_audit_nothing(tmp_path):
    """A kernel started the ordinary way (as for a learner) imports torch._dynamo and pitfalls only when the
    lesson does: the solutions of the first lesson still leave every watched thing as it was."""
    lesson = LESSONS[FIRST]
    for path in lesson.release.parent.iterdir():
        if path.suffix != ".ipynb" and path.is_file():
            (tmp_path / path.name).write_bytes(path.read_bytes())
    nb = execute(nbformat.reads(json.dumps(solved(lesson)), as_version=4), tmp_path, forked=False)
    assert tampering(nb) == []
    assert silent_passes(nb) == []
