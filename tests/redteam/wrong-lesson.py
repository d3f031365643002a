# case: another lesson's notebook handed in under this lesson's name
# into: raw
# expect: not graded: wrong lesson
import json
from pathlib import Path


def tamper(nb):
    other = Path(__file__).resolve().parents[2] / "notebooks" / "02_inplace_and_version" / "02_inplace_and_version.ipynb"
    return other.read_bytes()
