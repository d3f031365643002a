# Adds retain_graph=True: the next error is the in-place update of D's weights by opt_D.step().
# answer: detach-3
# loses: detach-3-tests
# shows: detach-gan-reuse-scores
def gan_step(G, D, opt_G, opt_D, z, real):
    opt_G.zero_grad()
    opt_D.zero_grad()
    fake = G(z)
    scores_fake = D(fake)
    d_loss = bce(D(real), 1.0) + bce(scores_fake, 0.0)
    d_loss.backward(retain_graph=True)
    opt_D.step()
    g_loss = bce(scores_fake, 1.0)
    g_loss.backward()
    opt_G.step()
    return d_loss.item(), g_loss.item()
