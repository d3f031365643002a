# Deletes the moving average instead of fixing it: the dashboard loses its numbers.
# answer: leaf-3
# loses: leaf-3-copy-tests
# slip: the task: deletes the running average the module must keep
class FixedSmoothedHead(nn.Module):
    def __init__(self, features, classes, momentum=0.9):
        super().__init__()
        self.fc = nn.Linear(features, classes)
        self.momentum = momentum
        self.running_logits = torch.zeros(classes)

    def forward(self, x):
        return self.fc(x)
