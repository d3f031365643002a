# Makes h a leaf to get its .grad, which cuts w out of the graph: w.grad stays None.
# answer: leaf-2
# loses: leaf-2-tests
# shows: leaf-detach-keeps-graph
def weight_and_hidden_grads(w, x):
    h = (w * x).detach().requires_grad_()
    loss = (h ** 2).sum()
    loss.backward()
    return w.grad, h.grad
