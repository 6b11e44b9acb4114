"""Blueprints: one per feature; views parse, call a service, render or redirect."""
