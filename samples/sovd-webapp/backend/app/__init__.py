"""SOVD Command WebApp backend: a small diagnostics API in front of simulated vehicles."""

__version__ = "0.1.0"
