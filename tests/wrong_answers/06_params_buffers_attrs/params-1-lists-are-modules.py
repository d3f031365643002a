# Thinks nn.Module looks inside a Python list of layers.
# answer: params-1
# loses:
# scores: params-1-tests=1.85
# shows: python-list-registers-layers
lands = {
    "scale": "parameter",
    "offset": "attribute",
    "mean": "buffer",
    "mask": "non-persistent buffer",
    "encoder": "module",
    "heads": "module",
    "blocks": "module",
    "temperature": "attribute",
    "cache": "buffer",
    "frozen": "parameter",
    "tied": "parameter",
    "doubled": "attribute",
    "gains": "module",
}
