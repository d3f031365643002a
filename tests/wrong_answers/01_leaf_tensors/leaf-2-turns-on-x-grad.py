# Believes every input must require grad for backward() to work, and turns it on for the caller's x:
# x is left requiring grad, with a .grad of its own.
# answer: leaf-2
# loses: leaf-2-tests
# shows: leaf-inputs-must-require-grad
def weight_and_hidden_grads(w, x):
    x.requires_grad_(True)
    h = w * x
    h.retain_grad()
    loss = (h ** 2).sum()
    loss.backward()
    return w.grad, h.grad
