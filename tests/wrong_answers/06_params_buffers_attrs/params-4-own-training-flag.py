# Keeps its own plain training flag set in __init__: eval() never changes it.
# answer: params-4
# loses: params-4-tests
# shows: eval-sets-own-flag
class RunningStandardizer(nn.Module):
    """Batch norm without affine parameters: batch statistics in training, running ones in evaluation."""

    def __init__(self, features, momentum=0.1, eps=1e-5):
        super().__init__()
        self.momentum, self.eps = momentum, eps
        self.register_buffer("running_mean", torch.zeros(features))
        self.register_buffer("running_var", torch.ones(features))
        self.register_buffer("num_batches_tracked", torch.tensor(0))
        self.train_mode = True

    def forward(self, x):
        if self.train_mode:
            mean, var = x.mean(0), x.var(0, unbiased=False)
            with torch.no_grad():
                self.running_mean.lerp_(mean, self.momentum)
                self.running_var.lerp_(x.var(0), self.momentum)
                self.num_batches_tracked.add_(1)
        else:
            mean, var = self.running_mean, self.running_var
        return (x - mean) / torch.sqrt(var + self.eps)
