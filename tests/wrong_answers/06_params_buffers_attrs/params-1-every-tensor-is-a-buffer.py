# Thinks every tensor a module holds is a buffer.
# answer: params-1
# loses:
# scores: params-1-tests=1.54
# shows: plain-tensor-is-registered
lands = {
    "scale": "parameter",
    "offset": "buffer",
    "mean": "buffer",
    "mask": "non-persistent buffer",
    "encoder": "module",
    "heads": "attribute",
    "blocks": "module",
    "temperature": "buffer",
    "cache": "buffer",
    "frozen": "parameter",
    "tied": "parameter",
    "doubled": "buffer",
    "gains": "module",
}
