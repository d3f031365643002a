# Freezes G's parameters for D's step to keep D's loss out of G, instead of detaching the fakes: the graph
# through G was recorded already, so D's backward still runs through G (its gradients are only dropped
# at G's parameters), and retain_graph=True is needed to keep that graph for the generator step.
# answer: detach-3
# loses: detach-3-tests
# shows: detach-gan-d-loss-into-g
def gan_step(G, D, opt_G, opt_D, z, real):
    opt_G.zero_grad()
    opt_D.zero_grad()
    fake = G(z)
    G.requires_grad_(False)
    d_loss = bce(D(real), 1.0) + bce(D(fake), 0.0)
    d_loss.backward(retain_graph=True)
    G.requires_grad_(True)
    opt_D.step()
    g_loss = bce(D(fake), 1.0)
    g_loss.backward()
    opt_G.step()
    return d_loss.item(), g_loss.item()
