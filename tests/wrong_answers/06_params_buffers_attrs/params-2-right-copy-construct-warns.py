# Right: copies the statistics with torch.tensor(...), which makes torch warn (a UserWarning the tests keep off stderr).
# answer: params-2
# loses:
class Standardized(nn.Module):
    """Standardizes its input with fixed statistics, then Linear layers with tanh between them."""

    def __init__(self, mean, std, widths):
        super().__init__()
        self.register_buffer("mean", torch.tensor(mean))
        self.register_buffer("std", torch.tensor(std))
        self.layers = nn.ModuleList()
        for a, b in zip(widths, widths[1:]):
            self.layers.append(nn.Linear(a, b))

    def forward(self, x):
        x = (x - self.mean) / self.std
        for layer in self.layers[:-1]:
            x = torch.tanh(layer(x))
        return self.layers[-1](x)
