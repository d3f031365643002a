# case: a pre_run_cell hook prints the success line before every cell runs
# into: leaf-1
# expect: flagged
get_ipython().events.register("pre_run_cell", lambda info: print("Success!"))
