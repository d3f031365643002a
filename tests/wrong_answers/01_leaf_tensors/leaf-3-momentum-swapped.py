# Swaps the weights of the moving average: momentum * new + (1 - momentum) * old, so at momentum 0.9
# the dashboard follows each batch instead of smoothing (the two agree only at momentum 0.5).
# answer: leaf-3
# loses: leaf-3-copy-tests
# slip: the arithmetic: the two momentum weights swapped
class FixedSmoothedHead(nn.Module):
    def __init__(self, features, classes, momentum=0.9):
        super().__init__()
        self.fc = nn.Linear(features, classes)
        self.momentum = momentum
        self.running_logits = torch.zeros(classes)


    def forward(self, x):
        logits = self.fc(x)
        with torch.no_grad():
            self.running_logits = (1 - self.momentum) * self.running_logits + self.momentum * logits.mean(0)
        return logits
