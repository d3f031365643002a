# Writes the sum of squares as h @ h: the same number for a vector, a matrix product (and a wrong
# gradient) for a matrix w.
# answer: leaf-2
# loses: leaf-2-tests
# slip: the arithmetic: h @ h where the task asks for a sum of squares (it raises on a matrix)
def weight_and_hidden_grads(w, x):
    h = w * x
    h.retain_grad()
    loss = h @ h
    loss.backward()
    return w.grad, h.grad
