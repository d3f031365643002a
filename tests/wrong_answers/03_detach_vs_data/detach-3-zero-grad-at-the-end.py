# Detaches right, but moves both zero_grad() calls to the end "to clean up": gradients already present
# when the step starts (left by anything else that ran backward) are added into D's and G's steps.
# answer: detach-3
# loses: detach-3-tests
# shows: detach-grad-starts-clean
def gan_step(G, D, opt_G, opt_D, z, real):
    fake = G(z)
    d_loss = bce(D(real), 1.0) + bce(D(fake.detach()), 0.0)
    d_loss.backward()
    opt_D.step()
    g_loss = bce(D(fake), 1.0)
    g_loss.backward()
    opt_G.step()
    opt_G.zero_grad()
    opt_D.zero_grad()
    return d_loss.item(), g_loss.item()
