# Thinks nn.ModuleList and nn.ParameterList are lists like any other: plain attributes.
# answer: params-1
# loses:
# scores: params-1-tests=1.69
# shows: module-containers-not-modules
lands = {
    "scale": "parameter",
    "offset": "attribute",
    "mean": "buffer",
    "mask": "non-persistent buffer",
    "encoder": "module",
    "heads": "attribute",
    "blocks": "attribute",
    "temperature": "attribute",
    "cache": "buffer",
    "frozen": "parameter",
    "tied": "parameter",
    "doubled": "attribute",
    "gains": "attribute",
}
