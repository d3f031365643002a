# Snapshots the parameters only ("a model's state is its parameters") and copies them into a deep copy of
# the final model: its buffers come from the last epoch, not the best one.
# answer: copy-3
# loses: copy-3-tests
# shows: copy-state-is-parameters
def fit_keep_best(model, data, epochs=8, lr=0.1):
    x_train, y_train, x_val, y_val = data
    opt = torch.optim.SGD(model.parameters(), lr=lr)
    best_loss, best_params = float("inf"), None
    for epoch in range(epochs):
        for _ in range(10):
            opt.zero_grad()
            F.mse_loss(model(x_train), y_train).backward()
            opt.step()
        with torch.no_grad():
            val_loss = F.mse_loss(model(x_val), y_val).item()
        if val_loss < best_loss:
            best_loss, best_params = val_loss, [p.detach().clone() for p in model.parameters()]
    best = copy.deepcopy(model)
    with torch.no_grad():
        for p, kept in zip(best.parameters(), best_params):
            p.copy_(kept)
    return best
