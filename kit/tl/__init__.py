"""Computations on the post table. Each returns a tidy DataFrame; each has a matching ``kit.pl`` plot."""

from .overview import breakdown, load_accounting, load_warnings, summary, top_posts, volume

__all__ = ["volume", "breakdown", "summary", "load_accounting", "load_warnings", "top_posts"]
