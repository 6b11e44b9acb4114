"""The read API for the city's other systems: offices, inspections and sanctions as JSON.

Each list is a keyset page in id order (never a count of the table), and each page's related
rows (findings, actions, linked versions) are read in a few queries, whatever its size.
Who may read what is decided by `sidak.services.permissions`, for people and integrations
alike (an integration reads as `sidak.services.integrations.IntegrationReader`).
"""
