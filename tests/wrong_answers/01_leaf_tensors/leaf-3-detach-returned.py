# Detaches the logits it returns as well as the ones it keeps: deepcopy works, training does not.
# answer: leaf-3
# loses: leaf-3-train-tests
# shows: leaf-cut-graph-on-output
class FixedSmoothedHead(nn.Module):
    def __init__(self, features, classes, momentum=0.9):
        super().__init__()
        self.fc = nn.Linear(features, classes)
        self.momentum = momentum
        self.running_logits = torch.zeros(classes)

    def forward(self, x):
        logits = self.fc(x).detach()
        self.running_logits = self.momentum * self.running_logits + (1 - self.momentum) * logits.mean(0)
        return logits
