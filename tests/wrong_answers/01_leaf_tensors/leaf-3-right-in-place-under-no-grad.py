# A right fix written differently: update the average in place under no_grad, as BatchNorm's kernel does.
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
        with torch.no_grad():
            self.running_logits.mul_(self.momentum).add_((1 - self.momentum) * logits.mean(0))
        return logits
