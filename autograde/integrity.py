"""What an honest answer never needs: a scan of the code a learner submitted, for review.

Inside the kernel, learner code can do anything Python can, so the course does not pretend to stop
everything there. It reports instead: each finding names the answer cell and quotes the line, and
the instructor decides. Honest answers in this course need none of these.
"""

from __future__ import annotations

import ast
import re

# (finding, pattern) over the source text: cheap, and it still works on code that does not parse.
PATTERNS = [
    ("changes how IPython runs cells", r"input_transformers|ast_transformers|events\s*\.\s*register|"
                                       r"set_custom_exc|register_magic|run_cell|showtraceback|InteractiveShell"),
    ("reaches into the kernel or the interpreter", r"get_ipython|sys\s*\.\s*settrace|setprofile|"
                                                    r"threading\s*\.\s*settrace|sys\s*\.\s*modules|builtins|gc\s*\.\s*get_objects|"
                                                    r"inspect\s*\.\s*(currentframe|stack)|_getframe|ctypes|signal\s*\."),
    ("ends the process", r"os\s*\.\s*_exit|sys\s*\.\s*exit|\bexit\s*\(|\bquit\s*\(|os\s*\.\s*kill|abort\s*\("),
    ("runs code built at run time", r"\bexec\s*\(|\beval\s*\(|\bcompile\s*\(|__import__|importlib|"
                                    r"base64|codecs|marshal|pickle"),
    ("touches files or other processes", r"\bopen\s*\(|pathlib|\bPath\s*\(|glob|shutil|subprocess|"
                                          r"os\s*\.\s*(listdir|walk|scandir|system|popen|remove)|"
                                          r"read_text|read_bytes|write_text"),
]
SCORE_LINE = "Partial credit:"  # pitfalls.checks.SCORE_LINE (importing it here would import torch)
GUARDED = {"torch", "checks", "pitfalls", "np", "numpy", "F", "nn", "math", "random"}


def assignments_into_modules(tree: ast.AST) -> list[ast.AST]:
    """`torch.allclose = …`, `setattr(checks, …)`, `del torch.equal`: rebinding what the tests call."""
    found = []
    for node in ast.walk(tree):
        targets = []
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Delete)):
            targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [node.target]
        for target in targets:
            base = target
            while isinstance(base, (ast.Attribute, ast.Subscript)):
                base = base.value
            if target is not base and isinstance(base, ast.Name) and base.id in GUARDED:
                found.append(node)
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in {"setattr", "delattr"}
                and node.args and isinstance(node.args[0], ast.Attribute | ast.Name)):
            found.append(node)
    return found


def always_true_dunders(tree: ast.AST) -> list[ast.AST]:
    """`def __eq__(self, other): return True` and friends: an object that agrees with every test."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name in {"__eq__", "__bool__", "__ne__", "__len__",
                                                              "__instancecheck__", "__getattr__", "__class__"}:
            found.append(node)
    return found


def scan(cells: dict[str, str]) -> list[tuple[str, str]]:
    """(finding, evidence) for every suspicious line in the answer cells (grade id -> source)."""
    findings = []
    for gid, source in cells.items():
        lines = source.splitlines()
        for finding, pattern in PATTERNS:
            for line in lines:
                if re.search(pattern, line) and not line.lstrip().startswith("#"):
                    findings.append((f"{gid}: {finding}", line.strip()))
                    break
        try:
            tree = ast.parse(source)
        except SyntaxError:
            continue
        for finding, nodes in (("rebinds a name the tests use", assignments_into_modules(tree)),
                               ("defines a comparison that can agree with anything", always_true_dunders(tree))):
            for node in nodes[:1]:
                findings.append((f"{gid}: {finding}", lines[node.lineno - 1].strip()))
    return findings


def stream_text(out: dict) -> str:
    text = out.get("text", "")
    return "".join(text) if isinstance(text, list) else str(text)


def closed(printed: str, outs: list[dict]) -> bool:
    """A test cell's own closing line: "Success!", or a predict part's partial-credit line beside its score."""
    scored = any(o.get("output_type") == "execute_result" for o in outs)
    return "Success!" in printed or (scored and any(line.startswith(SCORE_LINE) for line in printed.splitlines()))


def silent_passes(nb: dict) -> list[tuple[str, str]]:
    """Test cells that ended without an error but never printed their closing line.

    Every test cell ends with print("Success!") (a predict part: with "Success!" or its partial-credit
    line): a cell that finished without it was rewritten, swallowed or cut short by something other
    than its own asserts.
    """
    found = []
    for cell in nb.get("cells", []):
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell.get("cell_type") != "code" or not meta.get("grade"):
            continue
        outs = cell.get("outputs", [])
        errored = any(o.get("output_type") == "error" for o in outs)
        printed = "".join(stream_text(o) for o in outs if o.get("output_type") == "stream")
        if not errored and not closed(printed, outs):
            evidence = printed.strip()[:120] or "(no output)"
            found.append((f"{meta['grade_id']}: passed without printing Success!", evidence))
    return found
