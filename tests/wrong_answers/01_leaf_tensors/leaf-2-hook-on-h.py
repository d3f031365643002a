# Catches h's gradient with a hook on h instead of keeping it: the right numbers, but h.grad itself stays
# empty, so code that reads h.grad after backward() (as the lesson's retain_grad() does) finds None.
# answer: leaf-2
# loses: leaf-2-tests
# shows: leaf-grad-by-other-route
def weight_and_hidden_grads(w, x):
    h = w * x
    caught = []
    h.register_hook(caught.append)
    loss = (h ** 2).sum()
    loss.backward()
    return w.grad, caught[0]
