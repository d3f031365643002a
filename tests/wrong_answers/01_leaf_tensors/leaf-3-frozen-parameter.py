# Makes the kept average a leaf by wrapping it in a frozen nn.Parameter: deepcopy works and it does not
# require grad, but a running statistic became a parameter: it joins model.parameters() (an optimizer
# gets it) and it is a new object each step.
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
        self.running_logits = nn.Parameter(self.momentum * self.running_logits + (1 - self.momentum) * logits.mean(0),
                                           requires_grad=False)
        return logits
