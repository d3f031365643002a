# A right answer with .data for the discriminator's fakes: nothing writes to them, so it equals detach() here.
# answer: detach-3
# loses:
def gan_step(G, D, opt_G, opt_D, z, real):
    opt_G.zero_grad()
    opt_D.zero_grad()
    fake = G(z)
    d_loss = bce(D(real), 1.0) + bce(D(fake.data), 0.0)
    d_loss.backward()
    opt_D.step()
    g_loss = bce(D(fake), 1.0)
    g_loss.backward()
    opt_G.step()
    return d_loss.item(), g_loss.item()
