# Computes both gradients with torch.autograd.grad and adds w's into w.grad by hand, imitating what
# backward() does: right numbers and right w.grad, but backward() never ran and h.grad stays None.
# answer: leaf-2
# loses: leaf-2-tests
# shows: leaf-grad-by-other-route
def weight_and_hidden_grads(w, x):
    h = w * x
    loss = (h ** 2).sum()
    w_grad, h_grad = torch.autograd.grad(loss, [w, h])
    w.grad = w_grad if w.grad is None else w.grad + w_grad
    return w.grad, h_grad
