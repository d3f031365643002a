# Switches autograd off for validation with torch.set_grad_enabled(False) as a statement, and on again for
# each epoch's training: after the last validation it stays off, for the caller too.
# answer: copy-3
# loses: copy-3-tests
# shows: copy-changes-caller
def fit_keep_best(model, data, epochs=8, lr=0.1):
    x_train, y_train, x_val, y_val = data
    opt = torch.optim.SGD(model.parameters(), lr=lr)
    best_loss, best = float("inf"), None
    for epoch in range(epochs):
        torch.set_grad_enabled(True)
        for _ in range(10):
            opt.zero_grad()
            F.mse_loss(model(x_train), y_train).backward()
            opt.step()
        torch.set_grad_enabled(False)
        val_loss = F.mse_loss(model(x_val), y_val).item()
        if val_loss < best_loss:
            best_loss, best = val_loss, copy.deepcopy(model)
    return best
