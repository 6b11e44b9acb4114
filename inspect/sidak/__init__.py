"""Sidak: health-protocol compliance inspections for city governments."""

from sidak.app import create_app

__all__ = ["create_app"]
