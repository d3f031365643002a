# Right: nn.Buffer, torch.var_mean, and the unbiased variance as the biased one times n / (n - 1), copied in place.
# answer: params-4
# loses: 
class RunningStandardizer(nn.Module):
    """Batch norm without affine parameters: batch statistics in training, running ones in evaluation."""

    def __init__(self, features, momentum=0.1, eps=1e-5):
        super().__init__()
        self.momentum, self.eps = momentum, eps
        self.running_var = nn.Buffer(torch.ones(features))
        self.running_mean = nn.Buffer(torch.zeros(features))
        self.num_batches_tracked = nn.Buffer(torch.zeros((), dtype=torch.long))

    def forward(self, x):
        if not self.training:
            return (x - self.running_mean) / (self.running_var + self.eps).sqrt()
        var, mean = torch.var_mean(x, dim=0, unbiased=False)
        n = x.shape[0]
        with torch.no_grad():
            m = self.momentum
            self.running_mean.copy_((1 - m) * self.running_mean + m * mean)
            self.running_var.copy_((1 - m) * self.running_var + m * var * n / (n - 1))
            self.num_batches_tracked += 1
        return (x - mean) / (var + self.eps).sqrt()
