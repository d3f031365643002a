# A right answer written differently: clone the state dict, then load it into a deep copy at the end.
# answer: copy-3
# loses:
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
            best_loss = val_loss
            best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}
    best = copy.deepcopy(model)
    best.load_state_dict(best_state)
    return best
