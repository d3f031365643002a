# Copies the broken head unchanged: deepcopy still fails after training.
# answer: leaf-3
# loses: leaf-3-copy-tests
# shows: leaf-nonleaf-attribute-harmless
class FixedSmoothedHead(nn.Module):
    def __init__(self, features, classes, momentum=0.9):
        super().__init__()
        self.fc = nn.Linear(features, classes)
        self.momentum = momentum
        self.running_logits = torch.zeros(classes)

    def forward(self, x):
        logits = self.fc(x)
        self.running_logits = self.momentum * self.running_logits + (1 - self.momentum) * logits.mean(0)
        return logits
