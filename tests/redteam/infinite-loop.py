# case: an answer cell that never finishes
# into: leaf-2
# expect: status a cell timed out
while True:
    pass
