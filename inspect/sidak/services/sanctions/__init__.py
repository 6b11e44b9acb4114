"""Sanctions and corrective actions: proposals, decisions, replies, follow-ups, the tick."""
