# Thinks a tensor computed from a parameter (encoder.weight * 2) is a parameter too.
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
    "temperature": "attribute",
    "cache": "buffer",
    "frozen": "parameter",
    "tied": "parameter",
    "doubled": "parameter",
    "gains": "module",
}
