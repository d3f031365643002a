# Asks torch.autograd.grad for h's gradient and backward() for w's: two backward passes, and h.grad
# itself stays None; retain_grad() was the point.
# answer: leaf-2
# loses: leaf-2-tests
# shows: leaf-grad-by-other-route
def weight_and_hidden_grads(w, x):
    h = w * x
    loss = (h ** 2).sum()
    (h_grad,) = torch.autograd.grad(loss, h, retain_graph=True)
    loss.backward()
    return w.grad, h_grad
