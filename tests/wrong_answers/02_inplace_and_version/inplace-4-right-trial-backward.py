# A right answer by experiment: make each ReLU in place alone, run forward and backward on a copy of the
# example, and see whether backward refuses or the copy was written into; then put back the gradients
# (cloned: backward adds into them) and the buffers.
# answer: inplace-4
# loses:
def make_inplace_safe(model, example):
    relus = [m for m in model.modules() if isinstance(m, nn.ReLU) and m.inplace]
    grads = {p: None if p.grad is None else p.grad.clone() for p in model.parameters()}
    buffers = [b.clone() for b in model.buffers()]
    unsafe = []
    for relu in relus:                 # try each in-place ReLU alone: does backward() refuse?
        for other in relus:
            other.inplace = other is relu
        probe = example.clone()
        out = model(probe)
        if probe._version > 0:         # it wrote into what the caller passed in
            unsafe.append(relu)
        elif out.requires_grad:
            try:
                out.sum().backward()
            except RuntimeError as error:
                if "modified by an inplace operation" not in str(error):
                    raise
                unsafe.append(relu)
    for relu in relus:
        relu.inplace = all(relu is not u for u in unsafe)
    for p, grad in grads.items():
        p.grad = grad
    with torch.no_grad():
        for b, before in zip(model.buffers(), buffers):
            b.copy_(before)
    return model
