"""The fixed vocabulary of item categories, shared by every checklist.

Analytics compare categories across checklists, so authors cannot invent new ones;
adding one is a code change reviewed with the dashboards in mind.
"""

from sidak.domain.text import Text

CATEGORIES: dict[str, Text] = {
    "masks": Text("Masker", "Masks"),
    "distancing": Text("Jaga jarak", "Physical distancing"),
    "handwashing": Text("Cuci tangan", "Handwashing"),
    "partitions": Text("Partisi / sekat", "Partitions"),
    "screening": Text("Pemeriksaan suhu & skrining", "Temperature checks & screening"),
    "ventilation": Text("Ventilasi", "Ventilation"),
    "cleaning": Text("Pembersihan & disinfeksi", "Cleaning & disinfection"),
    "queueing": Text("Antrean & pembatasan pengunjung", "Queueing & visitor limits"),
    "service": Text("Pengaturan layanan", "Service arrangements"),
    "staffing": Text("Pengaturan kerja pegawai", "Staffing & work from home"),
    "supervision": Text("Pengawas protokol", "Protocol supervision"),
    "information": Text("Informasi & poster", "Information & posters"),
    "health_monitoring": Text("Pemantauan kesehatan", "Health monitoring"),
    "protective_equipment": Text("Alat pelindung diri", "Protective equipment"),
    "patient_flow": Text("Alur pasien bergejala", "Symptomatic patient flow"),
    "waste": Text("Pengelolaan sampah", "Waste handling"),
    "other": Text("Lainnya", "Other"),
}
