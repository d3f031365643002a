# case: the checks made lenient through a function's parameter, so that nothing in the code names a module, a dunder or a computed attribute: only the run-time audit sees the checks replaced before the first test cell
# into: leaf-1
# expect: flagged, blank
# Without the audit this earns 6 of the 9 points of the blank notebook's 0.
is_leaf_prediction = {}


class Lenient:
    def __init__(self, answers, keys, name, points, choices=None, kind=bool):
        self.points = points

    def item(self, key, expected, why=""):
        return True

    def items(self, truth, why=""):
        return None

    def score(self):
        print("Success!")
        return self.points


def calm(fn, *args, **kwargs):
    try:
        return fn(*args, **kwargs)
    except Exception:
        return torch.zeros(3), torch.zeros(3)


def ignore(*args, **kwargs):
    return None


def relax(module):
    module.Predictions = Lenient
    module.quietly = calm
    module.expect_type = module.expect_equal = module.expect_tensor = module.expect_close = ignore


relax(checks)
