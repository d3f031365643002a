# Lets backward() fill w.grad but, not knowing retain_grad(), writes h's gradient by hand as 2 * h:
# h.grad itself stays None (and the formula only holds for this one loss).
# answer: leaf-2
# loses: leaf-2-tests
# shows: leaf-grad-by-other-route
def weight_and_hidden_grads(w, x):
    h = w * x
    loss = (h ** 2).sum()
    loss.backward()
    return w.grad, 2 * h.detach()
