# Answers with the class each value is, in its own words, not with the kinds asked for.
# answer: params-1
# loses: params-1-tests
# slip: the form: words where the task asks for one of the given answers
lands = {
    "scale": "Parameter",
    "offset": "plain",
    "mean": "Buffer",
    "mask": "Buffer",
    "encoder": "Module",
    "heads": "plain",
    "blocks": "Module",
    "temperature": "plain",
    "cache": "Buffer",
    "frozen": "Parameter",
    "tied": "Parameter",
    "doubled": "plain",
    "gains": "Module",
}
