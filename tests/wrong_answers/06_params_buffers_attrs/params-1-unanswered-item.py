# Leaves one item at the release's None.
# answer: params-1
# loses: params-1-tests
# slip: the form: one prediction left unanswered
lands = {
    "scale": "parameter",
    "offset": "attribute",
    "mean": "buffer",
    "mask": "non-persistent buffer",
    "encoder": "module",
    "heads": "attribute",
    "blocks": "module",
    "temperature": "attribute",
    "cache": "buffer",
    "frozen": "parameter",
    "tied": "parameter",
    "doubled": None,
    "gains": "module",
}
