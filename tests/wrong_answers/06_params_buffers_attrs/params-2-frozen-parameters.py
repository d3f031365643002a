# Registers the statistics as parameters that do not require grad: a buffer registered as a parameter.
# answer: params-2
# loses: params-2-tests
# shows: frozen-parameter-is-buffer
class Standardized(nn.Module):
    """Standardizes its input with fixed statistics, then Linear layers with tanh between them."""

    def __init__(self, mean, std, widths):
        super().__init__()
        self.mean = nn.Parameter(mean, requires_grad=False)
        self.std = nn.Parameter(std, requires_grad=False)
        self.layers = nn.ModuleList(nn.Linear(a, b) for a, b in zip(widths, widths[1:]))

    def forward(self, x):
        x = (x - self.mean) / self.std
        for layer in self.layers[:-1]:
            x = torch.tanh(layer(x))
        return self.layers[-1](x)
