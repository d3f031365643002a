# case: a pitfalls.py beside the notebook, to replace the checks the tests import
# beside: pitfalls.py
# expect: flagged
class checks:
    @staticmethod
    def expect_keys(*args, **kwargs):
        return None
