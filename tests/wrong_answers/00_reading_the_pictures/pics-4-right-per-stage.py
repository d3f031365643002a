# Right, computed per stage: the average idle share of each stage over the common span.
# answer: pics-4
# loses:
def measured_bubble(records):
    start = min(r[3] for r in records)
    end = max(r[4] for r in records)
    per_stage = {}
    for stage, _, _, t0, t1 in records:
        per_stage[stage] = per_stage.get(stage, 0.0) + (t1 - t0)
    idle = [1 - busy / (end - start) for busy in per_stage.values()]
    return sum(idle) / len(idle)
