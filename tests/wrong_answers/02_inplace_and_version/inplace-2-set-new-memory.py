# Uses set_() to "replace the value in place": the same object and a version bump, but new memory, so
# anything that shares the parameter's memory (its state_dict() tensors, a tied view) keeps the old values.
# answer: inplace-2
# loses: inplace-2-tests
# shows: inplace-new-tensor-same-as-write
def sgd_step_(params, lr):
    with torch.no_grad():
        for p in params:
            if p.grad is not None:
                p.set_(p - lr * p.grad)
                p.grad = None
