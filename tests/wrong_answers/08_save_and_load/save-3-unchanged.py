# The broken warm start as it is: strict=False silences the prefix that makes every key miss, and what
# load_state_dict returned is never read. Nothing is loaded, and nothing says so.
# answer: save-3
# loses: save-3-tests
# shows: strict-false-loads-what-fits
def warm_start(model, path):
    checkpoint = torch.load(path)
    model.load_state_dict(checkpoint["model"], strict=False)
