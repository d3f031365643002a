# calibrate() rebinds the buffer to a new float32 tensor: on a model already moved by .double() or .to(), the prior falls back.
# answer: params-3
# loses: params-3-tests
# shows: new-tensor-updates-in-place
class Calibrated(nn.Module):
    """Logits divided by a learned temperature, plus the log class prior that calibrate() measures."""

    def __init__(self, features, classes):
        super().__init__()
        self.temperature = nn.Parameter(torch.ones(()))
        self.body = nn.Linear(features, classes)
        self.register_buffer("log_prior", torch.zeros(classes))

    def calibrate(self, labels):
        """Measure the log class prior on the training labels (the numbers BrokenCalibrated computes)."""
        counts = torch.bincount(labels, minlength=self.body.out_features).float() + 1
        self.log_prior = torch.log(counts / counts.sum())

    def reset_temperature(self):
        """Set the temperature back to 1; the optimizer keeps training it."""
        with torch.no_grad():
            self.temperature.fill_(1.0)

    def forward(self, x):
        return self.body(x) / self.temperature + self.log_prior
