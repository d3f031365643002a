# case: an input transformer turns every later cell, tests included, into `pass`
# into: leaf-1
# expect: flagged
get_ipython().input_transformers_cleanup.append(lambda lines: ["pass\n"])
