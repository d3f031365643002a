# A right answer by another route: the fakes D trains on are made under torch.no_grad() (no graph through
# G at all), and G runs again, with its graph, for the generator step.
# answer: detach-3
# loses:
def gan_step(G, D, opt_G, opt_D, z, real):
    opt_G.zero_grad()
    opt_D.zero_grad()
    with torch.no_grad():
        fake_for_D = G(z)
    d_loss = bce(D(real), 1.0) + bce(D(fake_for_D), 0.0)
    d_loss.backward()
    opt_D.step()
    g_loss = bce(D(G(z)), 1.0)
    g_loss.backward()
    opt_G.step()
    return d_loss.item(), g_loss.item()
