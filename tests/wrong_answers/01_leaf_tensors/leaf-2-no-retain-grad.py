# Forgets retain_grad(), so h.grad is None after backward (and torch warns on stderr).
# answer: leaf-2
# loses: leaf-2-tests
# shows: leaf-nonleaf-grad-kept
def weight_and_hidden_grads(w, x):
    h = w * x
    loss = (h ** 2).sum()
    loss.backward()
    return w.grad, h.grad
