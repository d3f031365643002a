# Calls retain_grad() after backward(): too late, the gradient is already gone.
# answer: leaf-2
# loses: leaf-2-tests
# shows: leaf-nonleaf-grad-kept
def weight_and_hidden_grads(w, x):
    h = w * x
    loss = (h ** 2).sum()
    loss.backward()
    h.retain_grad()
    return w.grad, h.grad
