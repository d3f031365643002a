# Keeps copy.copy: the "best" model is the trained model under another name.
# answer: copy-3
# loses: copy-3-tests
# shows: copy-shallow-copies-deep
def fit_keep_best(model, data, epochs=8, lr=0.1):
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
            best_loss, best = val_loss, copy.copy(model)
    return best
