# Answers with the dictionary each value goes to, not the kind asked for.
# answer: params-1
# loses: params-1-tests
lands = {
    "scale": "_parameters",
    "offset": "__dict__",
    "mean": "_buffers",
    "mask": "_buffers",
    "encoder": "_modules",
    "heads": "__dict__",
    "blocks": "_modules",
    "temperature": "__dict__",
    "cache": "_buffers",
    "frozen": "_parameters",
    "tied": "_parameters",
    "doubled": "__dict__",
    "gains": "_modules",
}
