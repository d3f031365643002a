# Thinks assigning a plain tensor to a registered buffer name makes it a plain attribute.
# answer: params-1
# loses:
# scores: params-1-tests=1.69
# shows: assignment-makes-plain-attribute
lands = {
    "scale": "parameter",
    "offset": "attribute",
    "mean": "attribute",
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
