# case: the name checks rebound to a class of lenient look-alikes: no module is changed, so the audit sees nothing, and the scan reports a name the tests read bound again
# into: leaf-1
# expect: flagged
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


class checks:
    Predictions = Lenient
    quietly = staticmethod(calm)
    expect_type = expect_equal = expect_tensor = expect_close = staticmethod(ignore)
