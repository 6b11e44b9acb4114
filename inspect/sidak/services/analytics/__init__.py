"""The counts behind the dashboards, the office pages, the exports and the read API."""
