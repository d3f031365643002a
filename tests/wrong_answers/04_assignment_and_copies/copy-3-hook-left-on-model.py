# May not change AttentionPool, so hooks the given model's AttentionPool to detach its cache after every
# forward, and leaves the hook there: the caller's model no longer caches its attention with the graph,
# which is the library change the spec forbids, done to one model instead of the class.
# answer: copy-3
# loses: copy-3-tests
# shows: copy-changes-caller
def detach_cache(module, inputs, output):
    module.last_attention = module.last_attention.detach()


def fit_keep_best(model, data, epochs=8, lr=0.1):
    for m in model.modules():
        if isinstance(m, AttentionPool):
            m.register_forward_hook(detach_cache)
    x_train, y_train, x_val, y_val = data
    opt = torch.optim.SGD(model.parameters(), lr=lr)
    best_loss, best = float("inf"), None
    for epoch in range(epochs):
        for _ in range(10):
            opt.zero_grad()
            F.mse_loss(model(x_train), y_train).backward()
            opt.step()
        val_loss = F.mse_loss(model(x_val), y_val).item()
        if val_loss < best_loss:
            best_loss, best = val_loss, copy.deepcopy(model)
    return best
