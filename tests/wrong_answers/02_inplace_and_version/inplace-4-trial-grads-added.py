# Tries each ReLU with a real backward and "puts back" the gradients by keeping the old .grad tensors:
# backward added into those very tensors, so the caller's gradients come back changed.
# answer: inplace-4
# loses: inplace-4-state-tests
# shows: inplace-backward-new-grad
def make_inplace_safe(model, example):
    relus = [m for m in model.modules() if isinstance(m, nn.ReLU) and m.inplace]
    grads = {p: p.grad for p in model.parameters()}
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
