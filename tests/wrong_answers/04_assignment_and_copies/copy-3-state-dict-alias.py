# Keeps model.state_dict() as the snapshot: its tensors are the live parameters, so "best" is the last epoch.
# answer: copy-3
# loses: copy-3-tests
# shows: copy-state-dict-snapshot
def fit_keep_best(model, data, epochs=8, lr=0.1):
    x_train, y_train, x_val, y_val = data
    opt = torch.optim.SGD(model.parameters(), lr=lr)
    best_loss, best_state = float("inf"), None
    for epoch in range(epochs):
        for _ in range(10):
            opt.zero_grad()
            F.mse_loss(model(x_train), y_train).backward()
            opt.step()
        with torch.no_grad():
            val_loss = F.mse_loss(model(x_val), y_val).item()
        if val_loss < best_loss:
            best_loss, best_state = val_loss, model.state_dict()
    best = copy.deepcopy(model)
    best.load_state_dict(best_state)
    return best
