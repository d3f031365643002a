# Registers the prior (zeros) plus a plain-attribute flag saying whether it was calibrated: a fresh model loaded from a checkpoint ignores the prior.
# answer: params-3
# loses: params-3-tests
# shows: plain-tensor-is-registered
class Calibrated(nn.Module):
    """Logits divided by a learned temperature, plus the log class prior that calibrate() measures."""

    def __init__(self, features, classes):
        super().__init__()
        self.temperature = nn.Parameter(torch.ones(()))
        self.body = nn.Linear(features, classes)
        self.register_buffer("log_prior", torch.zeros(classes))
        self.calibrated = False

    def calibrate(self, labels):
        """Measure the log class prior on the training labels (the numbers BrokenCalibrated computes)."""
        counts = torch.bincount(labels, minlength=self.body.out_features).float() + 1
        with torch.no_grad():
            self.log_prior.copy_(counts.log() - counts.sum().log())
        self.calibrated = True

    def reset_temperature(self):
        """Set the temperature back to 1; the optimizer keeps training it."""
        with torch.no_grad():
            self.temperature.fill_(1.0)

    def forward(self, x):
        logits = self.body(x) / self.temperature
        return logits + self.log_prior if self.calibrated else logits
