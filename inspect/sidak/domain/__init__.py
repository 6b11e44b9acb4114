"""Pure domain logic: checklist language, scoring, sanction rules, record integrity.

Nothing under this package may import Flask or SQLAlchemy (a test enforces it).
"""
