# A right answer by another route: backward(inputs=[w, h]) fills .grad for exactly those tensors,
# a non-leaf included, without retain_grad().
# answer: leaf-2
# loses:
def weight_and_hidden_grads(w, x):
    h = w * x
    loss = (h ** 2).sum()
    loss.backward(inputs=[w, h])
    return w.grad, h.grad
