"""PDF documents: the inspection report (berita acara) and the city's recap."""
