# Asks autograd.grad for both gradients: right numbers, but backward() never ran, so w.grad stays None
# (and a gradient w already held is not added to).
# answer: leaf-2
# loses: leaf-2-tests
# shows: leaf-grad-by-other-route
def weight_and_hidden_grads(w, x):
    h = w * x
    loss = (h ** 2).sum()
    return torch.autograd.grad(loss, [w, h])
