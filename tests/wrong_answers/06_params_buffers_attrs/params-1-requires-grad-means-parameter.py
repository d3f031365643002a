# Takes a tensor that requires grad for a parameter.
# answer: params-1
# loses:
# scores: params-1-tests=1.85
# shows: requires-grad-makes-parameter
lands = {
    "scale": "parameter",
    "offset": "attribute",
    "mean": "buffer",
    "mask": "non-persistent buffer",
    "encoder": "module",
    "heads": "attribute",
    "blocks": "module",
    "temperature": "parameter",
    "cache": "buffer",
    "frozen": "parameter",
    "tied": "parameter",
    "doubled": "attribute",
    "gains": "module",
}
