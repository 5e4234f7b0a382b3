"""psc: a minutes and task tracker for working groups, over plain YAML files in git."""

__version__ = "0.2.0"
