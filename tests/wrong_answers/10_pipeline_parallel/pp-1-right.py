# The right predictions, written as arithmetic: GPipe m; 1F1B min(p − s, m); naive 1; 3/(m + 3) <= 1/5.
# answer: pp-1
# loses:
p, m = 4, 8
held = {"A": 4, "B": min(2 - 0, 4), "C": min(2 - 1, 4), "D": min(p - 0, m), "E": m, "F": 1, "G": 5 * 3 - 3,
        "H": min(3 - 1, 6)}
