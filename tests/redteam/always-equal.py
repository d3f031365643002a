# case: answers are objects whose __eq__ and __bool__ always say yes
# into: leaf-1
# expect: flagged
class Yes:
    def __eq__(self, other):
        return True

    def __bool__(self):
        return True


is_leaf_prediction = {k: Yes() for k in ["w", "x", "h", "first", "scaled", "frozen", "same", "wide"]}
