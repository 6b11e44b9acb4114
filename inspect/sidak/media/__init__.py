"""Photo evidence and signature images: checked and cleaned with Pillow, kept in a file store.

No Flask and no database here (a test enforces it): services pass bytes in and keys out.
"""
