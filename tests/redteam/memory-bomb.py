# case: allocate memory until the machine runs out
# into: leaf-2
# expect: blank
hoard = []
while True:
    hoard.append(bytearray(2**28))
