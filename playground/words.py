"""The words that code without Qt shows in the window (the session's messages, the stepper's phases, worked out
without Qt): the translator that ui/translation.py installs, and how the window names the identifiers of
activations, initializers, layer types, losses, optimizers and schedules (term). A leaf, so that the session may use
it; the identity until the window installs Qt's translator, so the command line and the tests read English."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

_translate: Callable[[str], str] = str


def use_translator(translate: Callable[[str], str]) -> None:
    """Put these words through `translate` from now on (ui/translation.py installs Qt's when it is imported)."""
    global _translate
    _translate = translate


def tr(text: str) -> str:
    """`text` through the installed translator. lupdate files these calls under the empty context, as it files
    ui/translation.py's `tr`, which is what the installed translator looks them up in."""
    return _translate(text)


def listed(names: Iterable[str]) -> str:
    """Names listed inside a sentence: "a, b, c" in English, "a、b、c" in Chinese, whose lists take the
    enumeration comma. The separator is what two names need between them in the window's language."""
    return tr("{0}, {1}").format("", "").join(names)


def run_on(sentences: Iterable[str]) -> str:
    """Sentences of one message in a row: parted by a space in English, by nothing in Chinese, whose full stop
    。 carries its own room. As `listed`, the separator is what two sentences need between them."""
    return tr("{0} {1}").format("", "").join(sentences)


def term(name: str) -> str:
    """How the window names what a spec gives by its identifier: an activation, an initializer, a layer type, a loss,
    an optimizer or a learning-rate schedule ("tanh", "he_normal", "maxpool2d", "binary_cross_entropy", "adamw",
    "cosine"), in the words a learner reads ("binary cross-entropy"): proper names as papers write them, the other
    words translated. Layer types are named as the builder's palette names them."""
    terms = {"linear": tr("linear"), "relu": "ReLU", "leaky_relu": tr("leaky ReLU"), "elu": "ELU",
             "zeros": tr("zeros"), "uniform": tr("uniform"), "normal": tr("normal"),
             "xavier_uniform": tr("Xavier uniform"), "xavier_normal": tr("Xavier normal"),
             "he_uniform": tr("He uniform"), "he_normal": tr("He normal"), "dense": tr("Dense"),
             "dropout": tr("Dropout"), "batchnorm": tr("BatchNorm"), "residual": tr("Residual"),
             "conv2d": tr("Conv2D"), "maxpool2d": tr("MaxPool"), "avgpool2d": tr("AvgPool"),
             "flatten": tr("Flatten"), "globalavgpool": tr("GlobalAvgPool"), "mse": tr("mean squared error"),
             "cross_entropy": tr("cross-entropy"), "binary_cross_entropy": tr("binary cross-entropy"),
             "sgd": "SGD", "adam": "Adam", "adamw": "AdamW", "rmsprop": "RMSprop",
             "constant": tr("constant"), "step": tr("step decay"), "exponential": tr("exponential decay"),
             "cosine": tr("cosine annealing")}
    return terms.get(name, name)


def plain_number(value: float) -> str:
    """Four significant digits without an exponent where a person reads one (15,020, 54.63, 0.2476); else .4g."""
    if not math.isfinite(value) or value == 0 or not 1e-3 <= abs(value) < 1e9:
        return f"{value:.4g}"
    digits = max(0, 3 - math.floor(math.log10(abs(value))))
    return f"{value:,.{digits}f}"
