# Registers the mean but keeps std as a plain tensor attribute.
# answer: params-2
# loses: params-2-tests
# shows: plain-tensor-is-registered
class Standardized(nn.Module):
    """Standardizes its input with fixed statistics, then Linear layers with tanh between them."""

    def __init__(self, mean, std, widths):
        super().__init__()
        self.register_buffer("mean", mean)
        self.std = std
        self.layers = nn.ModuleList(nn.Linear(a, b) for a, b in zip(widths, widths[1:]))

    def forward(self, x):
        x = (x - self.mean) / self.std
        for layer in self.layers[:-1]:
            x = torch.tanh(layer(x))
        return self.layers[-1](x)
