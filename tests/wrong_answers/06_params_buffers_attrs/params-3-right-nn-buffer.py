# Right: the prior as nn.Buffer, the reset with copy_ under no_grad.
# answer: params-3
# loses:
class Calibrated(nn.Module):
    """Logits divided by a learned temperature, plus the log class prior that calibrate() measures."""

    def __init__(self, features, classes):
        super().__init__()
        self.body = nn.Linear(features, classes)
        self.temperature = nn.Parameter(torch.ones(()))
        self.log_prior = nn.Buffer(torch.zeros(classes))

    def calibrate(self, labels):
        counts = torch.bincount(labels, minlength=self.body.out_features).float() + 1
        with torch.no_grad():
            self.log_prior.copy_(counts.log() - counts.sum().log())

    def reset_temperature(self):
        with torch.no_grad():
            self.temperature.copy_(torch.ones(()))

    def forward(self, x):
        return self.body(x) / self.temperature + self.log_prior
