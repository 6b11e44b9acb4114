"""Sidak: health-protocol compliance inspections for city governments."""
