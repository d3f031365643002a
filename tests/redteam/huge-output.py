# case: flood the output with hundreds of megabytes
# into: leaf-2
# expect: status output cut off
for _ in range(400):
    print("x" * 1_000_000)
