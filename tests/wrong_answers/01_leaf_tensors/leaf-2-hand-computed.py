# Computes the gradients by hand with the wrong formula instead of asking autograd.
# answer: leaf-2
# loses: leaf-2-tests
# shows: leaf-grad-by-other-route
def weight_and_hidden_grads(w, x):
    h = (w * x).detach()
    return h * x, h
