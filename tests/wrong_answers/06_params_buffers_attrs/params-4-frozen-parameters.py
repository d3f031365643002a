# Registers the running statistics as parameters that do not require grad: buffers registered as parameters.
# answer: params-4
# loses: params-4-tests
# shows: frozen-parameter-is-buffer
class RunningStandardizer(nn.Module):
    """Batch norm without affine parameters: batch statistics in training, running ones in evaluation."""

    def __init__(self, features, momentum=0.1, eps=1e-5):
        super().__init__()
        self.momentum, self.eps = momentum, eps
        self.running_mean = nn.Parameter(torch.zeros(features), requires_grad=False)
        self.running_var = nn.Parameter(torch.ones(features), requires_grad=False)
        self.register_buffer("num_batches_tracked", torch.tensor(0))

    def forward(self, x):
        if self.training:
            mean, var = x.mean(0), x.var(0, unbiased=False)
            with torch.no_grad():
                self.running_mean.lerp_(mean, self.momentum)
                self.running_var.lerp_(x.var(0), self.momentum)
                self.num_batches_tracked.add_(1)
        else:
            mean, var = self.running_mean, self.running_var
        return (x - mean) / torch.sqrt(var + self.eps)
