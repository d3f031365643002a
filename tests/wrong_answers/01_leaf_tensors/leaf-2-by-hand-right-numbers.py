# Computes both gradients by hand with the right formula: right numbers by the wrong route, so w.grad
# stays None and a gradient w already held is ignored.
# answer: leaf-2
# loses: leaf-2-tests
# shows: leaf-grad-by-other-route
def weight_and_hidden_grads(w, x):
    h = (w * x).detach()
    return 2 * h * x.detach(), 2 * h
