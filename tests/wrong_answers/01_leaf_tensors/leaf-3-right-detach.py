# A right fix written differently: detach the value that is kept, not the one returned.
# answer: leaf-3
# loses:
class FixedSmoothedHead(nn.Module):
    def __init__(self, features, classes, momentum=0.9):
        super().__init__()
        self.fc = nn.Linear(features, classes)
        self.momentum = momentum
        self.running_logits = torch.zeros(classes)

    def forward(self, x):
        logits = self.fc(x)
        batch_mean = logits.detach().mean(0)
        self.running_logits = self.momentum * self.running_logits + (1 - self.momentum) * batch_mean
        return logits
