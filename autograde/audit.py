"""What the tests rely on inside a grading kernel, read there and compared outside it.

The grader (autograde.execute) asks the kernel for `fingerprint()` through an execute request's
user_expressions: IPython evaluates them in the user namespace after the (empty) request has run,
with no input transformer and no custom exception handler in the way. The answer is identities:
of every binding in the modules the test cells call (the course's checks, torch, NumPy, builtins),
of the classes whose methods they call, of IPython's transformers, event callbacks and exception
handlers, of the interpreter's hooks and streams, and of the threads and child processes that run
code of the notebook's own. Nothing is compared here: the grader keeps the first answer outside the
kernel, where learner code cannot reach it. Code that gets hold of the kernel
can still make this module lie; the integrity scan reports the ways to get hold of it.
"""

from __future__ import annotations

import copyreg
import importlib
import json
import os
import sys
import threading
import types

MODULES = ("pitfalls.checks", "torch", "torch.nn.functional", "torch.autograd", "numpy", "builtins", "copy")
CLASSES = ("torch.Tensor", "torch.nn.Parameter", "torch.nn.Module")  # Python classes whose methods tests call
SHELL_PARTS = ("", "kernel", "events", "compile", "display_formatter", "display_pub", "displayhook",
               "input_transformer_manager", "payload_manager")  # the shell and what takes a cell through it
LIBRARIES = tuple(dict.fromkeys((sys.prefix, sys.base_prefix, sys.exec_prefix,
                                os.path.dirname(os.path.dirname(os.path.abspath(__file__))))))
HOOKS = ("stdout", "stderr", "excepthook", "displayhook", "breakpointhook", "unraisablehook")


def token(obj: object) -> str:
    """Who an object is: its type and address; a function also by its code, so a replacement that lands
    at a freed address still differs; a bound method by its function and its owner."""
    kind = type(obj)
    if kind is types.MethodType:
        return f"method of {id(obj.__self__):x}: {token(obj.__func__)}"
    text = f"{kind.__qualname__}@{id(obj):x}"
    if kind is types.FunctionType:
        code = obj.__code__
        text += f" code@{id(code):x}#{hash((code.co_code, code.co_consts, code.co_names)):x}"
        text += f" defaults@{id(obj.__defaults__):x},{id(obj.__kwdefaults__):x}"
    return text


def namespaces() -> dict[str, dict]:
    """Each watched module's and class's bindings, by name: the checks with their classes, then torch's."""
    checks = importlib.import_module("pitfalls.checks")
    found = {name: vars(importlib.import_module(name)) for name in MODULES}
    found |= {f"pitfalls.checks.{cls.__name__}": vars(cls) for cls in list(vars(checks).values())
              if isinstance(cls, type) and cls.__module__ == checks.__name__}
    for dotted in CLASSES:
        module, _, name = dotted.rpartition(".")
        found[dotted] = vars(getattr(importlib.import_module(module), name))
    return found


def described(namespace: dict) -> dict[str, str]:
    return {name: token(value) for name, value in list(namespace.items())}


def digest(tokens: dict[str, str]) -> str:
    """One value for a whole namespace: Python's hash is salted per process, and every answer the grader
    compares comes from the same kernel process."""
    return f"{hash(frozenset(tokens.items())):x}"


def shell_state() -> dict[str, str]:
    """IPython's transformers, callbacks and handlers, and any method of the shell (or of what takes a
    cell through it) replaced on the object itself: what stands between a test cell's text and its run."""
    from IPython import get_ipython

    shell = get_ipython()
    if shell is None:
        return {"IPython": "none"}
    found = {}
    for part in SHELL_PARTS:
        obj, where = (getattr(shell, part), f"shell.{part}") if part else (shell, "shell")
        found[f"type of {where}"] = token(type(obj))
        for name, value in list(getattr(obj, "__dict__", {}).items()):
            if callable(value) and not isinstance(value, type):
                found[f"{where}.{name}"] = token(value)
    for name in ("input_transformers_cleanup", "input_transformers_post", "ast_transformers"):
        found[f"shell.{name}"] = " ".join(map(token, getattr(shell, name)))
    for event, callbacks in shell.events.callbacks.items():
        found[f"shell.events[{event!r}]"] = " ".join(map(token, callbacks))
    found["shell.custom_exceptions"] = repr(shell.custom_exceptions)
    found["shell.CustomTB"] = token(shell.CustomTB)
    return found


def interpreter() -> dict[str, str]:
    """The interpreter's hooks and streams, and the threads and processes this kernel has running."""
    found = {f"sys.{name}": token(getattr(sys, name, None)) for name in HOOKS}
    found |= {"sys.gettrace()": token(sys.gettrace()), "sys.getprofile()": token(sys.getprofile()),
              "threading.gettrace()": token(threading.gettrace()),
              "threading.getprofile()": token(threading.getprofile())}
    found["threads running code of their own"] = " ".join(sorted(f"{t.name}@{t.ident}" for t in threading.enumerate()
                                                                if not all(map(installed, runs(t)))))
    found["child processes running"] = " ".join(children())
    return found


def runs(t: threading.Thread) -> list[object]:
    """What a thread runs: its class's run method, and the function it was given (a Timer's is `function`)."""
    return [type(t).run, *(fn for fn in (getattr(t, "_target", None), getattr(t, "function", None)) if fn)]


def installed(fn: object) -> bool:
    """Code that comes with Python, the environment or the course (a kernel's own threads, pyzmq's
    collector), as opposed to code compiled from a notebook cell or an answer file, or a builtin such as
    exec handed to a thread."""
    code = getattr(getattr(fn, "__func__", fn), "__code__", None)
    return code is not None and code.co_filename.startswith(LIBRARIES)


def children() -> list[str]:
    """This process's children that still run (read from Linux's /proc; elsewhere none are listed)."""
    pids = set()
    for task in os.listdir("/proc/self/task") if os.path.isdir("/proc/self/task") else []:
        try:
            with open(f"/proc/self/task/{task}/children") as f:
                pids.update(f.read().split())
        except OSError:
            continue
    return [pid for pid in sorted(pids, key=int) if state(pid) not in ("Z", None)]


def state(pid: str) -> str | None:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0]
    except OSError:
        return None


def warm() -> None:
    """Import what a grading kernel's fork server imports before any cell, so that a kernel started the
    ordinary way is read in the same state: torch swaps some of its functions when torch._dynamo first
    loads, and `import pitfalls` installs its exception handler in IPython."""
    from pitfalls.course import lesson_modules

    from .kernels import WARM

    for name in (*WARM, *lesson_modules()):
        importlib.import_module(name)
    for dotted in CLASSES:  # pickling (torch.save) caches __slotnames__ on a class the first time: not a change
        module, _, name = dotted.rpartition(".")
        copyreg._slotnames(getattr(importlib.import_module(module), name))


def fingerprint(detail: bool = False) -> str:
    """JSON: {"state": {what: token}, "spaces": {namespace: digest}}, and with `detail` also
    {"bindings": {namespace: {name: token}}}, so the grader can name the binding that changed."""
    warm()
    spaces = {space: described(names) for space, names in namespaces().items()}
    found = {"state": shell_state() | interpreter(), "spaces": {space: digest(t) for space, t in spaces.items()}}
    return json.dumps(found | ({"bindings": spaces} if detail else {}))
