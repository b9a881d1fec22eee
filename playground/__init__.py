"""Backprop Playground: build a network, train it, and step through backpropagation."""

__version__ = "0.1.0"
