# Registers each layer of a Python list under a name of its own: it trains, but the checkpoint keys differ.
# answer: params-2
# loses: params-2-tests
# slip: the task: registers the layers under names of its own, so the checkpoint's keys differ
class Standardized(nn.Module):
    """Standardizes its input with fixed statistics, then Linear layers with tanh between them."""

    def __init__(self, mean, std, widths):
        super().__init__()
        self.register_buffer("mean", mean)
        self.register_buffer("std", std)
        self.layers = [nn.Linear(a, b) for a, b in zip(widths, widths[1:])]
        for i, layer in enumerate(self.layers):
            self.add_module(f"layer{i}", layer)

    def forward(self, x):
        x = (x - self.mean) / self.std
        for layer in self.layers[:-1]:
            x = torch.tanh(layer(x))
        return self.layers[-1](x)
