"""Use cases: each function owns its transaction (models never commit)."""
