# Makes running_logits a leaf by wrapping it in nn.Parameter: deepcopy works, but a running statistic
# became a trainable parameter that requires grad (and joins model.parameters()).
# answer: leaf-3
# loses: leaf-3-copy-tests
# shows: leaf-parameter-for-state
class FixedSmoothedHead(nn.Module):
    def __init__(self, features, classes, momentum=0.9):
        super().__init__()
        self.fc = nn.Linear(features, classes)
        self.momentum = momentum
        self.running_logits = torch.zeros(classes)

    def forward(self, x):
        logits = self.fc(x)
        self.running_logits = nn.Parameter(self.momentum * self.running_logits + (1 - self.momentum) * logits.mean(0))
        return logits
