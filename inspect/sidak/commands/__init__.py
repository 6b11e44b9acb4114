"""Sidak's own CLI groups, each a thin layer over services."""
