# Hands the work to torch.optim.SGD instead of writing the step: right numbers by the route the
# exercise asks to write by hand.
# answer: inplace-2
# loses: inplace-2-tests
# slip: the task: calls torch.optim where the task asks for the update by hand
def sgd_step_(params, lr):
    opt = torch.optim.SGD(list(params), lr=lr)
    opt.step()
    opt.zero_grad(set_to_none=True)
