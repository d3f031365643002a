# detach() gives a trainable leaf but shares t's memory: training the copy changes t.
# answer: leaf-4
# loses: leaf-4-tests
# shows: leaf-detach-copies
def trainable_copy(t):
    return t.detach().requires_grad_()
