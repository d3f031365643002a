# A right answer written differently: dict(...) with keyword arguments, filled in one key at a time.
# answer: pp-1
# loses:
held = dict(A=4, B=2, C=1, D=4)
held.update(E=8, F=1)
held["G"] = 12
held["H"] = 2
