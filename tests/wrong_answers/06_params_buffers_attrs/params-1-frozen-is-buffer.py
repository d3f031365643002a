# Thinks a Parameter that does not require grad is a buffer.
# answer: params-1
# loses:
# scores: params-1-tests=1.85
# shows: frozen-parameter-is-buffer
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
    "frozen": "buffer",
    "tied": "parameter",
    "doubled": "attribute",
    "gains": "module",
}
