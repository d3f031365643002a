"""Code a lesson owns: one module per lesson that needs one, named in the lesson's `modules` in course.toml.

A lesson folder is copied into the release by nbgrader, so code that worker processes import (the
functions `torch.multiprocessing` or `torchrun` start in lessons 09–10) lives here instead: importable
from the notebook, from every process it starts and from the grading kernels (which import it ahead
of time), unit-tested like the rest of the package, and shipped in the student kit. It holds course
code only; what a learner writes is an answer cell or one of the lesson's `answer_files`.
"""
