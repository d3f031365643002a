# Validates with model.eval() instead of torch.no_grad(), believing eval mode stops autograd: the
# forward pass is still recorded, the cached attention is still a non-leaf, and deepcopy still fails.
# answer: copy-3
# loses: copy-3-tests
# shows: copy-eval-is-no-grad
def fit_keep_best(model, data, epochs=8, lr=0.1):
    x_train, y_train, x_val, y_val = data
    opt = torch.optim.SGD(model.parameters(), lr=lr)
    best_loss, best = float("inf"), None
    for epoch in range(epochs):
        model.train()
        for _ in range(10):
            opt.zero_grad()
            F.mse_loss(model(x_train), y_train).backward()
            opt.step()
        model.eval()
        val_loss = F.mse_loss(model(x_val), y_val).item()
        if val_loss < best_loss:
            best_loss, best = val_loss, copy.deepcopy(model)
    model.train()
    return best
