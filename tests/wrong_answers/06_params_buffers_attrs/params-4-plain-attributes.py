# Keeps the running statistics as plain tensor attributes: nothing in state_dict(), nothing moved by .double().
# answer: params-4
# loses: params-4-tests
# shows: plain-tensor-is-registered
class RunningStandardizer(nn.Module):
    """Batch norm without affine parameters: batch statistics in training, running ones in evaluation."""

    def __init__(self, features, momentum=0.1, eps=1e-5):
        super().__init__()
        self.momentum, self.eps = momentum, eps
        self.running_mean = torch.zeros(features)
        self.running_var = torch.ones(features)
        self.num_batches_tracked = torch.tensor(0)

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
