# case: torch's and NumPy's comparisons made to agree through modules reached by attributes (F.torch) and a function's parameter: nothing the syntax tree shows; the run-time audit sees torch.allclose, torch.equal and numpy.allclose replaced
# into: leaf-3
# expect: flagged, blank
import numpy as np


def agree(module):
    module.allclose = lambda *args, **kwargs: True
    module.equal = lambda *args, **kwargs: True


agree(F.torch)
agree(np)
