# Moves super().__init__() first and stops there: the None buffer and the reset still break.
# answer: params-3
# loses: params-3-tests
# shows: none-buffer-in-checkpoint
class Calibrated(nn.Module):
    """Logits divided by a learned temperature, plus the log class prior that calibrate() measures."""

    def __init__(self, features, classes):
        super().__init__()
        self.temperature = nn.Parameter(torch.ones(()))
        self.body = nn.Linear(features, classes)
        self.register_buffer("log_prior", None)

    def calibrate(self, labels):
        counts = torch.bincount(labels, minlength=self.body.out_features).float() + 1
        self.log_prior = counts.log() - counts.sum().log()

    def reset_temperature(self):
        self.temperature = torch.ones(())

    def forward(self, x):
        logits = self.body(x) / self.temperature
        return logits if self.log_prior is None else logits + self.log_prior
