# Assigns a new tensor to p.data: the same Parameter with the right values, but in new memory (a
# state_dict() taken before the step keeps the old values), and the write is invisible to autograd (no
# version bump), so a graph from before the step silently uses the new values.
# answer: inplace-2
# loses: inplace-2-tests, inplace-2-version-tests
# shows: inplace-new-tensor-same-as-write, inplace-data-is-safe
def sgd_step_(params, lr):
    with torch.no_grad():
        for p in params:
            if p.grad is not None:
                p.data = p - lr * p.grad
                p.grad = None
