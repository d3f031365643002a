# Detaches the batch statistics it normalizes with (statistics are not learned, it reasons): batch norm backpropagates through them.
# answer: params-4
# loses: params-4-tests
# shows: batch-statistics-carry-no-gradient
class RunningStandardizer(nn.Module):
    """Batch norm without affine parameters: batch statistics in training, running ones in evaluation."""

    def __init__(self, features, momentum=0.1, eps=1e-5):
        super().__init__()
        self.momentum, self.eps = momentum, eps
        self.register_buffer("running_mean", torch.zeros(features))
        self.register_buffer("running_var", torch.ones(features))
        self.register_buffer("num_batches_tracked", torch.tensor(0))

    def forward(self, x):
        if self.training:
            mean, var = x.detach().mean(0), x.detach().var(0, unbiased=False)
            with torch.no_grad():
                self.running_mean.mul_(1 - self.momentum).add_(self.momentum * mean)
                self.running_var.mul_(1 - self.momentum).add_(self.momentum * x.var(0))
                self.num_batches_tracked += 1
        else:
            mean, var = self.running_mean, self.running_var
        return (x - mean) / torch.sqrt(var + self.eps)
