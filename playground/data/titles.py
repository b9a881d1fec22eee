"""The titles of the named data sets, in the window's language: the data panel lists them, the window's data line
and error sentences name the data by them. Looked up when asked, through the translator the window installs."""

from __future__ import annotations

from playground.words import tr


def dataset_title(name: str) -> str:
    """The title of the data set `name` ("circle", "mnist"); a name it does not know, as it is."""
    titles = {
        "circle": tr("Circle"), "xor": tr("Exclusive or (XOR)"), "gauss": tr("Two Gaussians"),
        "spiral": tr("Spiral"), "moons": tr("Two moons"), "plane": tr("Plane (regression)"),
        "gaussian_mixture": tr("Mixture of Gaussians (regression)"), "sine": tr("Sine wave (regression)"),
        "digits": tr("Handwritten digits (8×8)"), "iris": tr("Iris flowers"),
        "breast_cancer": tr("Breast cancer diagnosis"), "diabetes": tr("Diabetes progression (regression)"),
        "mnist": tr("MNIST digits"), "fashion_mnist": tr("Fashion-MNIST clothes"),
        "kmnist": tr("Kuzushiji-MNIST characters"), "cifar10": tr("CIFAR-10 photos"),
    }
    return titles.get(name, name)
