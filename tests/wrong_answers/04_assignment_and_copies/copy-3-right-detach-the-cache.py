# A right answer written differently: validates with autograd on, then detaches the model's cached
# attention from outside before the deep copy.
# answer: copy-3
# loses:
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
            model[0].last_attention = model[0].last_attention.detach()
            best_loss, best = val_loss, copy.deepcopy(model)
    return best
