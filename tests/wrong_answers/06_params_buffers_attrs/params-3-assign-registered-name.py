# calibrate assigns a new tensor to the registered buffer name: it stays a buffer, but the new float32 CPU tensor undoes .double() or .to() done before.
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
        counts = torch.bincount(labels, minlength=self.body.out_features).float() + 1
        self.log_prior = counts.log() - counts.sum().log()

    def reset_temperature(self):
        with torch.no_grad():
            self.temperature.fill_(1.0)

    def forward(self, x):
        return self.body(x) / self.temperature + self.log_prior
