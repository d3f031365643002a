"""What an honest answer never needs, read from the answer's syntax tree, for review.

Inside the kernel, learner code can do anything Python can, so the course does not pretend to stop
everything there: the operating system's sandbox decides what it can read and write, and the grader
compares the kernel's state around every test cell (autograde.audit). This scan reports the code that
gets there: each rule below names a construct no answer in this course needs (the allowlists are what
the solutions, the catalogued answers and the lessons' own cells use, and the tests derive them), each
finding names the part and quotes the line, and the instructor decides. Names are never matched in
the text, so a comment or a string that mentions them is not a finding, and `model.eval()` is not
`eval(...)`; code that does not parse is not scanned (the cell just fails).
"""

from __future__ import annotations

import ast
import builtins
import functools
import json
import symtable
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from pitfalls.course import ROOT, lessons

SCORE_LINE = "Partial credit:"  # pitfalls.checks.SCORE_LINE (importing it here would import torch)
TAMPERED = "Tampered"  # the error a test cell shows when the kernel was changed before it ran (autograde.execute)

HONEST_DUNDERS = frozenset({"__init__"})  # the dunders solutions and catalogued answers use (tests prove it)
STANDARD = frozenset({"collections", "contextlib", "copy", "dataclasses", "functools", "itertools", "math",
                      "random", "re", "statistics", "time", "typing", "warnings"})  # helpers that open nothing
LIBRARIES = frozenset({"torch", "numpy"})  # and their public submodules
BUILTINS = {  # builtins that reach past the answer, and what they do there
    **dict.fromkeys(("vars", "globals", "locals"), "reads a namespace as a dict"),
    **dict.fromkeys(("exec", "eval", "compile"), "runs code built at run time"),
    "__import__": "imports a module by a computed name", "open": "opens a file",
    "breakpoint": "stops for a debugger", **dict.fromkeys(("exit", "quit"), "ends the kernel"),
}
BY_NAME = frozenset({"getattr", "setattr", "delattr", "hasattr"})  # fine with a literal name, not a computed one
SYSTEM = frozenset({  # modules that open the system
                    "os", "sys", "builtins", "subprocess", "importlib", "ctypes", "ctypeslib", "gc", "inspect",
                    "pathlib", "shutil", "io", "signal", "threading", "_thread", "multiprocessing", "socket",
                    "tempfile", "glob", "pickle", "marshal", "runpy", "types", "posix", "pty", "mmap", "atexit",
                    "asyncio", "concurrent", "sqlite3", "hub", "cpp_extension", "f2py", "psutil"})
KERNEL = frozenset({"get_ipython", "In", "Out", "_ih", "_oh", "_dh", "_i", "_ii", "_iii", "__", "___"})
FILES = frozenset({"load", "save", "savez", "savez_compressed", "loadtxt", "savetxt", "genfromtxt", "fromfile",
                   "tofile", "fromregex", "memmap", "from_file", "open", "read_text", "read_bytes",
                   "write_text", "write_bytes"})  # NumPy's, torch's and pathlib's ways to a file


PARSING = threading.Lock()  # CPython 3.11's parser is not thread-safe ("AST constructor recursion depth
#                            mismatch"), and the class driver scans submissions from several threads


def parse(source: str) -> ast.Module:
    with PARSING:
        return ast.parse(source)


def dunder(name: str) -> bool:
    return len(name) > 4 and name.startswith("__") and name.endswith("__")


def kernel_name(name: str) -> bool:
    """IPython's own names in the notebook's namespace: its shell, its history (In, _i3, _5, …)."""
    return name in KERNEL or (name.startswith("_") and name.lstrip("_i").isdigit())


@dataclass(frozen=True)
class LessonCode:
    """What a lesson's own (locked and test) cells import, and the names its test cells read from them."""

    imports: frozenset[str] = frozenset()  # modules, and module.name for each `from module import name`
    bound_to: dict[str, str] = field(default_factory=dict)  # a name its cells import -> what it is bound to
    tests_read: frozenset[str] = frozenset()  # names its test cells read that its other cells or builtins bind
    files: frozenset[str] = frozenset()  # the file verbs (`.save`, `open` …) its own cells use: taught, so honest
    dunders: frozenset[str] = frozenset()  # dunder attributes its own cells read (`type(m).__name__`): taught too


def imported(tree: ast.AST) -> Iterator[tuple[str, str, ast.AST]]:
    """(name bound, dotted thing it is bound to, node) for each import in the tree."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield (alias.asname or alias.name.split(".")[0],
                       alias.name if alias.asname else alias.name.split(".")[0], node)
        elif isinstance(node, ast.ImportFrom):
            for alias in node.names:
                yield alias.asname or alias.name, f"{node.module}.{alias.name}", node


def bindings(tree: ast.AST) -> list[tuple[str, ast.AST]]:
    """(name, node) for every name a cell binds in the notebook's namespace: at its top level (not
    inside a function, class body, lambda or comprehension), or declared global anywhere."""
    found = []

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                found.append((child.name, child))
            elif isinstance(child, ast.Name) and isinstance(child.ctx, (ast.Store, ast.Del)):
                found.append((child.id, child))
            elif isinstance(child, ast.ExceptHandler) and child.name:
                found.append((child.name, child))
            elif isinstance(child, (ast.Import, ast.ImportFrom)):
                found.extend((name, child) for name, _, _ in imported(child))
            if not isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda,
                                      ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
                visit(child)
    visit(tree)
    return found + [(name, node) for node in ast.walk(tree) if isinstance(node, ast.Global) for name in node.names]


def reads(source: str) -> set[str]:
    """The names a cell reads from the notebook's namespace or builtins, scope by scope (a comprehension's
    or a function's own names are not read from there), less those the cell binds itself."""
    with PARSING:
        top = symtable.symtable(source, "<cell>", "exec")
    names = {s.get_name() for s in top.get_symbols() if s.is_referenced()}
    scopes = list(top.get_children())
    while scopes:
        scope = scopes.pop()
        scopes += scope.get_children()
        names |= {s.get_name() for s in scope.get_symbols() if s.is_referenced() and s.is_global()}
    return names - {s.get_name() for s in top.get_symbols() if s.is_assigned() or s.is_imported()}


def own_cells(nb: dict) -> Iterator[tuple[bool, str, ast.AST]]:
    """(is a test cell, source, tree) for every lesson-written code cell: locked cells and test cells."""
    for cell in nb["cells"]:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        source = "".join(cell["source"])
        if cell["cell_type"] == "code" and not meta.get("solution"):
            try:
                yield bool(meta.get("grade")), source, parse(source)
            except SyntaxError:
                continue


@functools.cache
def known() -> dict[str, LessonCode]:
    """Each ready lesson's LessonCode, read from its source notebook (hidden tests included) or its release."""
    found = {}
    for name, lesson in lessons().items():
        nb = json.loads((lesson.source if lesson.source.is_file() else lesson.release).read_text())
        cells = list(own_cells(nb))
        imports = {what for _, _, tree in cells for _, what, _ in imported(tree)}
        imports |= {node.module for _, _, tree in cells for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        bound = {n for _, _, tree in cells for n, _ in bindings(tree)} | set(dir(builtins))
        read = set().union(*(reads(source) for test, source, _ in cells if test))
        attributes = {node.attr for _, _, tree in cells for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
        names = {node.id for _, _, tree in cells for node in ast.walk(tree) if isinstance(node, ast.Name)}
        found[name] = LessonCode(frozenset(imports | set(lesson.modules)),
                             {n: what for _, _, tree in cells for n, what, _ in imported(tree)},
                             frozenset(read & bound), frozenset((attributes | names) & FILES),
                             frozenset(filter(dunder, attributes)))
    return found


def lesson_of(part: str) -> LessonCode:
    """The lesson an answer cell (grade id) or answer file belongs to; an empty one if none does."""
    for name, lesson in lessons().items():
        if part in lesson.parts or part in lesson.answer_files:
            return known()[name]
    return LessonCode()


def allowed_import(module: str, lesson: LessonCode = LessonCode()) -> bool:
    """A module honest answers may import: a few standard helpers, torch's and NumPy's public
    modules (not those that open the system), and what the lessons' own cells import — a module that
    opens the system (os, io, tempfile …) only in the lesson whose own cells import it."""
    parts = module.split(".")
    if parts[0] in LIBRARIES:
        return not any(part.startswith("_") or part in SYSTEM for part in parts)
    if parts[0] in SYSTEM:
        return module in lesson.imports
    return module in STANDARD or module in set().union(*(lesson.imports for lesson in known().values()))


def allowed_from(module: str, name: str, lesson: LessonCode = LessonCode()) -> bool:
    """`from module import name`: an allowed module, and a name that is no module the lessons leave alone
    (`from pitfalls import checks` as the lessons do, not `from pitfalls import course`)."""
    if name == "*" or not allowed_import(module, lesson):
        return False
    if module.split(".")[0] in LIBRARIES:
        return allowed_import(f"{module}.{name}")
    package = ROOT / module.replace(".", "/") / "__init__.py"  # a package of the course: its modules are listed
    return not package.is_file() or allowed_import(f"{module}.{name}", lesson)


@dataclass
class Context:
    """What the rules need to know about the whole submission and its lesson."""

    lesson: LessonCode
    modules: set[str]  # names bound to a module (or anything imported): the lesson's, and the answer's own
    bound: set[str]  # every name the submission binds anywhere
    harmless_lookups: set[int]  # getattr-family names (node ids) called with a literal attribute name, or
    #                             on an object no module, namespace or builtin reaches (`setattr(self, name, …)`)


def root(node: ast.AST) -> ast.AST:
    """`torch` of `torch.nn.functional.relu` or `checks.table["x"]`."""
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        node = node.value
    return node


def chain_of(node: ast.AST, names: set[str]) -> bool:
    """Whether node is `name`, `name.attr…`, `name[…]`, or a tuple or list of such, rooted at one of names."""
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return any(chain_of(item, names) for item in node.elts)
    return isinstance(node, (ast.Name, ast.Attribute, ast.Subscript)) and isinstance(root(node), ast.Name) \
        and root(node).id in names


def origin(node: ast.AST) -> str | None:
    """The name an expression starts from, through attributes, items and calls: `ns` of `ns["x"].y()`."""
    while isinstance(node, (ast.Attribute, ast.Subscript, ast.Call)):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else None


def assigned(trees: list[ast.AST]) -> Iterator[tuple[list[str], ast.AST]]:
    """(names bound, the value bound to them) for each assignment, walrus and for loop."""
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, (ast.Assign, ast.NamedExpr, ast.For, ast.comprehension)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                value = node.iter if isinstance(node, (ast.For, ast.comprehension)) else node.value
                yield [n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)], value


def module_names(trees: list[ast.AST], lesson: LessonCode) -> tuple[set[str], set[str]]:
    """(modules, reached): names bound to modules or imported things (by the lesson, by the answer's
    imports, and by plain aliases: `t = torch`, `for m in (torch, np)`), and names bound to what a
    builtin that reaches past the answer returns (`ns = vars()`, `o = getattr(ns["…"], "…")("os")`)."""
    modules = set(lesson.bound_to) | {name for tree in trees for name, _, _ in imported(tree)}
    reached: set[str] = set()
    for _ in range(4):  # an alias of an alias of an alias
        for names, value in assigned(trees):
            if chain_of(value, modules):
                modules |= set(names)
            elif origin(value) in reached | set(BUILTINS) | BY_NAME:
                reached |= set(names)
    return modules, reached


# The rules: each looks at one node and says what it does that no honest answer needs (None: nothing).

def reaching_builtin(node: ast.AST, ctx: Context) -> str | None:
    if isinstance(node, ast.Name) and node.id in BUILTINS and node.id not in ctx.lesson.files:
        return f"uses {node.id}, which {BUILTINS[node.id]}"
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "input" \
            and "input" not in ctx.bound:  # `input` is also what PyTorch calls a forward's argument
        return "calls input(), which waits for a person"
    return None


def computed_attribute(node: ast.AST, ctx: Context) -> str | None:
    if isinstance(node, ast.Name) and node.id in BY_NAME and id(node) not in ctx.harmless_lookups:
        return f"uses {node.id} with a computed name on a module, a namespace or builtins"
    return None


def dunder_access(node: ast.AST, ctx: Context) -> str | None:
    name = (node.attr if isinstance(node, ast.Attribute) else node.id if isinstance(node, ast.Name) else
            node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None)
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and dunder(node.name) \
            and node.name not in HONEST_DUNDERS:
        return f"defines {node.name}, which can make an object agree with any test"
    if isinstance(node, ast.Attribute) and node.attr in ctx.lesson.dunders:
        return None
    if name is not None and dunder(name) and name.isidentifier() and name not in HONEST_DUNDERS:
        return f"reaches {name}, which holds the interpreter's own machinery"
    return None


def outside_import(node: ast.AST, ctx: Context) -> str | None:
    if isinstance(node, ast.Import):
        names = [a.name for a in node.names if not allowed_import(a.name, ctx.lesson)]
    elif isinstance(node, ast.ImportFrom):
        module = "." * node.level + (node.module or "")
        names = [f"{module}.{a.name}" for a in node.names if node.level or not allowed_from(module, a.name, ctx.lesson)]
    else:
        return None
    return f"imports {', '.join(names)}, which this lesson does not use" if names else None


def system_module(node: ast.AST, ctx: Context) -> str | None:
    if isinstance(node, ast.Attribute) and node.attr in SYSTEM:
        return f"reaches the module {node.attr} through an attribute"
    if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and node.id in SYSTEM \
            and node.id not in ctx.bound and node.id not in ctx.lesson.bound_to:  # the lesson's own import is no reach
        return f"uses {node.id} without importing it"
    return None


def kernel_access(node: ast.AST, ctx: Context) -> str | None:
    if isinstance(node, ast.Name) and kernel_name(node.id) and node.id not in ctx.bound:
        return f"uses {node.id}, the kernel's own"
    return None


def file_access(node: ast.AST, ctx: Context) -> str | None:
    if isinstance(node, ast.Attribute) and node.attr in FILES and node.attr not in ctx.lesson.files:
        return f"reads or writes files through .{node.attr}"
    return None


def changes_module(node: ast.AST, ctx: Context) -> str | None:
    """`torch.allclose = …`, `del checks.fail`, `setattr(t, "equal", …)` after `t = torch`."""
    targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else \
        [node.target] if isinstance(node, (ast.AugAssign, ast.AnnAssign)) else []
    targets = [t for t in targets if not isinstance(t, ast.Name)]  # a plain name is rebound, not changed
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("setattr", "delattr"):
        targets = node.args[:1]
    for target in targets:
        if chain_of(target, ctx.modules):
            return f"changes {root(target).id}, which the tests use"
    return None


RULES: list[Callable[[ast.AST, Context], str | None]] = [
    reaching_builtin, computed_attribute, dunder_access, outside_import, system_module, kernel_access,
    file_access, changes_module,
]


def rebinding(tree: ast.AST, ctx: Context) -> Iterator[tuple[str, ast.AST]]:
    """A name the lesson's test cells read, bound again by the answer (`checks = …`, `def make_model`); an
    import of the very module the lesson's cell imports under that name (`import numpy as np`) is no change."""
    for name, node in bindings(tree):
        if name in ctx.lesson.tests_read:
            same = isinstance(node, (ast.Import, ast.ImportFrom)) and all(
                ctx.lesson.bound_to.get(n) == what for n, what, _ in imported(node) if n == name)
            if not same:
                yield f"rebinds {name}, which the tests use", node


def literal(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def context(trees: list[ast.AST], lesson: LessonCode) -> Context:
    modules, reached = module_names(trees, lesson)
    outside = modules | reached | set(BUILTINS) | BY_NAME  # where a lookup by a computed name reaches too far
    harmless = {id(node.func) for tree in trees for node in ast.walk(tree)
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in BY_NAME
                and len(node.args) >= 2 and (literal(node.args[1]) or origin(node.args[0]) not in outside)}
    bound = {n.id for tree in trees for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
    bound |= {node.arg for tree in trees for node in ast.walk(tree) if isinstance(node, ast.arg)}
    return Context(lesson, modules, bound | {n for t in trees for n, _ in bindings(t)}, harmless)


def scan(cells: dict[str, str]) -> list[tuple[str, str]]:
    """(finding, evidence): the first line each rule finds in each answer (grade id or answer file -> source)."""
    trees = {}
    for part, source in cells.items():
        try:
            trees[part] = parse(source)
        except SyntaxError:
            continue
    findings = []
    for part, tree in trees.items():
        ctx = context(list(trees.values()), lesson_of(part))
        found: dict[object, tuple[str, ast.AST]] = {}
        for node in ast.walk(tree):
            for rule in RULES:
                if rule not in found and hasattr(node, "lineno") and (what := rule(node, ctx)):
                    found[rule] = (what, node)
        for what, node in list(rebinding(tree, ctx))[:1]:
            found[rebinding] = (what, node)
        lines = cells[part].splitlines()
        findings += [(f"{part}: {what}", lines[node.lineno - 1].strip()) for what, node in found.values()]
    return findings


def stream_text(out: dict) -> str:
    text = out.get("text", "")
    return "".join(text) if isinstance(text, list) else str(text)


def closed(printed: str, outs: list[dict]) -> bool:
    """A test cell's own closing line: "Success!", or a predict part's partial-credit line beside its score."""
    scored = any(o.get("output_type") == "execute_result" for o in outs)
    return "Success!" in printed or (scored and any(line.startswith(SCORE_LINE) for line in printed.splitlines()))


def test_cells(nb: dict) -> Iterator[tuple[str, list[dict]]]:
    """(grade id, outputs) of every test cell of a graded notebook."""
    for cell in nb.get("cells", []):
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell.get("cell_type") == "code" and meta.get("grade"):
            yield meta["grade_id"], cell.get("outputs", [])


def silent_passes(nb: dict) -> list[tuple[str, str]]:
    """Test cells that ended without an error but never printed their closing line.

    Every test cell ends with print("Success!") (a predict part: with "Success!" or its partial-credit
    line): a cell that finished without it was rewritten, swallowed or cut short by something other
    than its own asserts.
    """
    found = []
    for gid, outs in test_cells(nb):
        errored = any(o.get("output_type") == "error" for o in outs)
        printed = "".join(stream_text(o) for o in outs if o.get("output_type") == "stream")
        if not errored and not closed(printed, outs):
            evidence = printed.strip()[:120] or "(no output)"
            found.append((f"{gid}: passed without printing Success!", evidence))
    return found


def tampering(nb: dict) -> list[tuple[str, str]]:
    """The test cell before which the grader found the kernel changed (autograde.execute), and what changed."""
    return [(f"{gid}: the kernel was changed before this test cell ran", out.get("evalue", "").split(": ", 2)[-1])
            for gid, outs in test_cells(nb) for out in outs if out.get("ename") == TAMPERED]
