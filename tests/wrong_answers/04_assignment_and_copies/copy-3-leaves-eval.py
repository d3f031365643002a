# Validates in eval mode and under torch.no_grad(), as one should, but never switches back: every later
# epoch trains in eval mode (Dropout off, BatchNorm frozen), and the model comes back to the caller in eval mode.
# answer: copy-3
# loses: copy-3-tests
# shows: copy-changes-caller
def fit_keep_best(model, data, epochs=8, lr=0.1):
    x_train, y_train, x_val, y_val = data
    opt = torch.optim.SGD(model.parameters(), lr=lr)
    best_loss, best = float("inf"), None
    for epoch in range(epochs):
        for _ in range(10):
            opt.zero_grad()
            F.mse_loss(model(x_train), y_train).backward()
            opt.step()
        model.eval()
        with torch.no_grad():
            val_loss = F.mse_loss(model(x_val), y_val).item()
        if val_loss < best_loss:
            best_loss, best = val_loss, copy.deepcopy(model)
    return best
