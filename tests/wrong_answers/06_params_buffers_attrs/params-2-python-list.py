# Keeps the layers in a Python list: nothing to train, nothing saved but the statistics.
# answer: params-2
# loses: params-2-tests
# shows: python-list-registers-layers
class Standardized(nn.Module):
    """Standardizes its input with fixed statistics, then Linear layers with tanh between them."""

    def __init__(self, mean, std, widths):
        super().__init__()
        self.register_buffer("mean", mean)
        self.register_buffer("std", std)
        self.layers = [nn.Linear(a, b) for a, b in zip(widths, widths[1:])]

    def forward(self, x):
        x = (x - self.mean) / self.std
        for layer in self.layers[:-1]:
            x = torch.tanh(layer(x))
        return self.layers[-1](x)
