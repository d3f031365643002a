# Right: lets F.batch_norm update the running statistics in place, and counts the batch itself.
# answer: params-4
# loses: 
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
            with torch.no_grad():
                self.num_batches_tracked.add_(1)
        return F.batch_norm(x, self.running_mean, self.running_var, training=self.training,
                            momentum=self.momentum, eps=self.eps)
