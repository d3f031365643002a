# Forgets persistent=False: every buffer is saved.
# answer: params-1
# loses:
# scores: params-1-tests=1.85
# shows: non-persistent-buffer-saved
lands = {
    "scale": "parameter",
    "offset": "attribute",
    "mean": "buffer",
    "mask": "buffer",
    "encoder": "module",
    "heads": "attribute",
    "blocks": "module",
    "temperature": "attribute",
    "cache": "buffer",
    "frozen": "parameter",
    "tied": "parameter",
    "doubled": "attribute",
    "gains": "module",
}
