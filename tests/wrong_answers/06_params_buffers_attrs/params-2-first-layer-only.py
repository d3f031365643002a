# Builds a first and a last layer only: right for [3, 8, 1], a layer short for deeper widths.
# answer: params-2
# loses: params-2-tests
# slip: the task: builds a first and a last layer only, a layer short for deeper widths
class Standardized(nn.Module):
    """Standardizes its input with fixed statistics, then Linear layers with tanh between them."""

    def __init__(self, mean, std, widths):
        super().__init__()
        self.register_buffer("mean", mean)
        self.register_buffer("std", std)
        self.layers = nn.ModuleList([nn.Linear(widths[0], widths[1]), nn.Linear(widths[1], widths[-1])])

    def forward(self, x):
        x = (x - self.mean) / self.std
        for layer in self.layers[:-1]:
            x = torch.tanh(layer(x))
        return self.layers[-1](x)
