# Resets with .data = torch.tensor(1.0): the same object, but the new float32 CPU tensor undoes .double() or .to().
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
        with torch.no_grad():
            self.log_prior.copy_(counts.log() - counts.sum().log())

    def reset_temperature(self):
        """Set the temperature back to 1; the optimizer keeps training it."""
        self.temperature.data = torch.tensor(1.0)

    def forward(self, x):
        return self.body(x) / self.temperature + self.log_prior
