# Lets D's loss flow into G and wipes G's gradients afterwards instead of detaching the fakes
# (retain_graph=True keeps G's graph for the generator step): the same numbers, but D's loss still runs
# backward through G, which the spec forbids and the lesson's fake.detach() avoids.
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
    opt_G.zero_grad()                      # throw away what D's loss put into G
    g_loss = bce(D(fake), 1.0)
    g_loss.backward()
    opt_G.step()
    return d_loss.item(), g_loss.item()
