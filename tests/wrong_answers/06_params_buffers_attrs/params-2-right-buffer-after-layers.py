# Right: builds the layers first, then the buffers (nn.Buffer and register_buffer mixed).
# answer: params-2
# loses: 
class Standardized(nn.Module):
    """Standardizes its input with fixed statistics, then Linear layers with tanh between them."""

    def __init__(self, mean, std, widths):
        super().__init__()
        self.layers = nn.ModuleList()
        self.layers.extend(nn.Linear(a, b) for a, b in zip(widths, widths[1:]))
        self.mean = nn.Buffer(mean)
        self.register_buffer("std", std)

    def forward(self, x):
        x = (x - self.mean) / self.std
        for layer in self.layers[:-1]:
            x = torch.tanh(layer(x))
        return self.layers[-1](x)
