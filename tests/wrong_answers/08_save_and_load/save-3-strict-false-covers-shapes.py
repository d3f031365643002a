# Strips the prefix and trusts strict=False to skip the head too: it skips missing and unexpected keys, not
# shapes that differ, so the load raises (after copying the backbone).
# answer: save-3
# loses: save-3-tests
# shows: strict-false-loads-what-fits
def warm_start(model, path):
    state = torch.load(path, map_location="cpu")["model"]
    consume_prefix_in_state_dict_if_present(state, "module.")
    result = model.load_state_dict(state, strict=False)
    return sorted(result.missing_keys)
