# Scores the fakes again after D's step but never detaches them: D's loss also trains G.
# answer: detach-3
# loses: detach-3-tests
# shows: detach-gan-d-loss-into-g
def gan_step(G, D, opt_G, opt_D, z, real):
    opt_G.zero_grad()
    opt_D.zero_grad()
    fake = G(z)
    d_loss = bce(D(real), 1.0) + bce(D(fake), 0.0)
    d_loss.backward(retain_graph=True)
    opt_D.step()
    g_loss = bce(D(fake), 1.0)
    g_loss.backward()
    opt_G.step()
    return d_loss.item(), g_loss.item()
