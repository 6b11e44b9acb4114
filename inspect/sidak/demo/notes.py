"""What inspectors write in the demo: notes on failures, channels, general remarks."""

_WFO = (
    "Pegawai yang hadir di kantor {value}% dari seluruh pegawai; belum ada pembagian jadwal.",
    "Kehadiran di kantor {value}%; kepala kantor belum menetapkan jadwal kerja dari rumah.",
)
_SEATS = (
    "{bad} dari {observed} kursi tunggu tidak berjarak dan tidak ditandai.",
    'Tanda "jangan diduduki" dilepas di {bad} kursi.',
)
#: what inspectors write when an item fails, by item id (``id:option`` for a choice);
#: {bad}, {observed} and {value} are filled in
NOTES = {
    "masker-pegawai": (
        "{bad} dari {observed} pegawai memakai masker di bawah hidung atau di dagu.",
        "{bad} pegawai di meja layanan tidak memakai masker; ditegur dan diberi masker.",
    ),
    "masker-pengunjung": (
        "{bad} pengunjung di ruang tunggu memakai masker di dagu.",
        "{bad} dari {observed} pengunjung tanpa masker; petugas tidak menegur.",
    ),
    "larangan-tanpa-masker": (
        "Dua pengunjung tanpa masker dibiarkan masuk oleh petugas jaga.",
        "Petugas jaga tidak tahu ada larangan masuk tanpa masker.",
    ),
    "sarana-cuci-tangan": (
        "Sarana cuci tangan di pintu masuk dipindahkan ke gudang; hanya ada wastafel di toilet.",
        "Tidak ada sarana cuci tangan di area layanan.",
    ),
    "air-mengalir": (
        "Galon air tempat cuci tangan kosong; keran tidak mengeluarkan air.",
        "Keran rusak di salah satu dari dua sarana cuci tangan.",
    ),
    "sabun:sebagian": (
        "Wadah sabun kosong di sarana cuci tangan pintu masuk.",
        "Sabun hanya ada di wastafel lantai 2.",
    ),
    "sabun:tidak-ada": ("Tidak ada sabun di sarana cuci tangan mana pun.",),
    "penunjuk-cuci-tangan": ("Tidak ada papan penunjuk ke sarana cuci tangan.",),
    "hand-sanitizer": (
        "Hand sanitizer kosong di {bad} dari {observed} titik wajib.",
        "{bad} botol hand sanitizer tanpa keterangan kadar alkohol.",
    ),
    "cek-suhu": (
        "Tidak ada pemeriksaan suhu di pintu masuk; termometer tembak rusak sejak minggu lalu.",
        "Pintu samping terbuka tanpa petugas pemeriksa suhu.",
    ),
    "suhu-tinggi-ditolak": (
        "Petugas tidak tahu batas suhu 37,3 °C.",
        "Petugas menyatakan pengunjung bersuhu tinggi tetap dilayani.",
    ),
    "apd-petugas-suhu": ("Petugas pemeriksa suhu tidak memakai pelindung wajah.",),
    "jarak-tempat-duduk": _SEATS,
    "jarak-kursi-tunggu": _SEATS,
    "penanda-antrean": (
        "Penanda antrean di depan loket sudah pudar dan tidak terlihat.",
        "Tidak ada penanda antrean di depan lift.",
    ),
    "pembatasan-pengunjung": (
        "Terjadi kerumunan sekitar 30 orang di ruang tunggu saat tim tiba.",
        "Antrean berdesakan di depan loket; jumlah orang yang masuk tidak dibatasi.",
    ),
    "sistem-antrean": ("Mesin nomor antrean rusak; antrean berjalan tanpa nomor.",),
    "alur-masuk-keluar": ("Pintu masuk dan pintu keluar sama, tanpa tanda arah.",),
    "daftar-hadir-pengunjung": (
        "Buku tamu hanya berisi isian minggu lalu.",
        "Tidak ada daftar hadir pengunjung.",
    ),
    "partisi-loket": (
        "{bad} dari {observed} loket tanpa partisi.",
        "Partisi di {bad} loket digeser ke samping oleh petugas.",
    ),
    "jam-layanan": (
        "Pengumuman jam layanan menyebut 08.00-15.00, lebih panjang dari ketentuan Perwali.",
        "Papan pengumuman jam layanan belum diperbarui sesuai Perwali.",
    ),
    "disinfeksi:tidak-teratur": (
        "Catatan disinfeksi terakhir diisi kemarin sore.",
        "Catatan disinfeksi hari ini hanya berisi pembersihan pukul 07.00.",
    ),
    "disinfeksi:tidak-ada-catatan": (
        "Tidak ada catatan disinfeksi; petugas kebersihan hanya membersihkan pagi hari.",
    ),
    "ventilasi": (
        "Ruang layanan tertutup rapat; filter AC terakhir dibersihkan enam bulan lalu.",
        "Jendela ruang tunggu tidak dapat dibuka.",
    ),
    "tempat-sampah-tertutup": ("Tempat sampah di dekat wastafel tanpa tutup.",),
    "pengawas-protokol": (
        "Belum ada surat tugas pengawas protokol kesehatan.",
        "Pengawas protokol yang ditunjuk sedang cuti; tidak ada pengganti.",
    ),
    "pemantauan-kesehatan-pegawai": (
        "Catatan pemantauan kesehatan pegawai terakhir diisi dua minggu lalu.",
    ),
    "prosedur-sakit": (
        "Prosedur tertulis tidak ada; petugas tidak tahu yang harus dilakukan bila ada "
        "pengunjung demam.",
    ),
    "poster-protokol": (
        "Tidak ada poster protokol kesehatan di pintu masuk.",
        "Poster di ruang layanan sudah rusak dan tidak terbaca.",
    ),
    "wfo-zona-rendah": _WFO,
    "wfo-zona-sedang": _WFO,
    "wfo-zona-tinggi": _WFO,
    "skrining-pintu-masuk": (
        "Meja skrining kosong saat tim tiba; pasien langsung masuk ke pendaftaran.",
        "Pintu samping dekat apotek terbuka tanpa skrining.",
    ),
    "apd-petugas-skrining": ("Petugas skrining hanya memakai masker kain.",),
    "masker-medis-pasien-bergejala": ("Persediaan masker medis di meja skrining habis.",),
    "alur-pasien-bergejala": (
        "Pasien batuk dan demam menunggu di ruang tunggu umum; belum ada jalur ke ruang ISPA.",
        "Ruang ISPA dipakai untuk gudang obat; pasien bergejala diperiksa di poli umum.",
    ),
    "ruang-tunggu-terpisah": ("Pasien bergejala duduk bersama pasien umum.",),
    "masker-petugas": (
        "{bad} dari {observed} petugas memakai masker kain, bukan masker medis.",
        "{bad} petugas di ruang farmasi tidak memakai masker.",
    ),
    "masker-pasien": ("{bad} pasien dan pengantar memakai masker di dagu.",),
    "masker-disediakan": ("Tidak ada persediaan masker untuk pasien yang datang tanpa masker.",),
    "apd-ruang-ispa": ("{bad} dari {observed} petugas ruang ISPA tanpa gaun dan pelindung wajah.",),
    "persediaan-apd": (
        "Stok gaun sekali pakai habis sejak tiga hari lalu.",
        "Respirator N95 tidak tersedia di ruang ISPA.",
    ),
    "limbah-infeksius": ("Masker bekas dibuang ke tempat sampah biasa tanpa tutup.",),
    "pemantauan-kesehatan-petugas": ("Tidak ada catatan pemantauan gejala petugas minggu ini.",),
    "prosedur-petugas-sakit": ("Prosedur bila petugas terpapar belum disusun.",),
}
GENERIC_NOTE = "Tidak sesuai saat pemeriksaan."

ONLINE_CHANNELS = (
    "WhatsApp layanan dan surel kantor",
    "Laman sukamajukota.go.id/layanan dan WhatsApp",
    "Aplikasi Sukamaju Online dan panggilan video untuk konsultasi",
)
REMOTE_CARE = (
    "Pendaftaran lewat WhatsApp dan konsultasi lewat telepon",
    "Telemedisin untuk pasien kontrol dan antar obat untuk lansia",
    "tidak ada",
)
GOOD_VISIT = (
    "Protokol kesehatan diterapkan dengan baik; pertahankan.",
    "Pengawas protokol aktif menegur pengunjung; dapat menjadi contoh kantor lain.",
    "Tidak ada temuan. Petugas pintu masuk tegas dan ramah.",
)
