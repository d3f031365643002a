# case: an old nbformat 3 notebook
# into: raw
# expect: not graded: unsupported notebook format 3
import json


def tamper(nb):
    return json.dumps({"nbformat": 3, "nbformat_minor": 0, "metadata": {}, "cells": [],
                       "worksheets": [{"cells": []}]}).encode()
