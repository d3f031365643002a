# Clears w.grad before backward(), wiping a gradient the caller was accumulating (say, over micro-batches).
# answer: leaf-2
# loses: leaf-2-tests
# shows: leaf-grad-replaced-by-backward
def weight_and_hidden_grads(w, x):
    w.grad = None
    h = w * x
    h.retain_grad()
    loss = (h ** 2).sum()
    loss.backward()
    return w.grad, h.grad
