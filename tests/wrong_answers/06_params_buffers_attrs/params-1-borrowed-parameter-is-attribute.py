# Thinks a parameter of a submodule, assigned again, is only a reference (an attribute).
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
    "cache": "buffer",
    "frozen": "parameter",
    "tied": "attribute",
    "doubled": "attribute",
    "gains": "module",
}
