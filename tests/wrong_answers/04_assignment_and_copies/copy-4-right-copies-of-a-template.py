# A right answer written differently: one deep copy as a template, then a deep copy of it per copy (each
# deepcopy call has a memo of its own, so every copy keeps the ties and shares nothing).
# answer: copy-4
# loses:
def independent_copies(model, n):
    template = copy.deepcopy(model)
    return [copy.deepcopy(template) for _ in range(n)]
