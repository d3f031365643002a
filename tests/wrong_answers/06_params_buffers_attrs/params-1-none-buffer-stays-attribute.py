# Thinks a buffer registered as None, then assigned, is a plain attribute.
# answer: params-1
# loses:
# scores: params-1-tests=1.85
# shows: assignment-makes-plain-attribute
lands = {
    "scale": "parameter",
    "offset": "attribute",
    "mean": "buffer",
    "mask": "non-persistent buffer",
    "encoder": "module",
    "heads": "attribute",
    "blocks": "module",
    "temperature": "attribute",
    "cache": "attribute",
    "frozen": "parameter",
    "tied": "parameter",
    "doubled": "attribute",
    "gains": "module",
}
