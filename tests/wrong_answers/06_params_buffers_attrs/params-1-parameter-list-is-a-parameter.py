# Thinks an nn.ParameterList is a parameter, not a module that holds them.
# answer: params-1
# loses:
# scores: params-1-tests=1.85
# shows: module-containers-not-modules
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
    "doubled": "attribute",
    "gains": "parameter",
}
