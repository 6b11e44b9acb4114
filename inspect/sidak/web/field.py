"""The field app shell (/lapangan): one page that works offline, cached by the service worker.

The page holds no per-request data beyond its language: the checklists, offices and drafts
come from /api/v1/field/bootstrap and live in the phone's IndexedDB.
"""

from flask import Blueprint, abort, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from sidak.services.permissions import can_start_inspection

bp = Blueprint("field", __name__)


def _messages() -> dict[str, str]:
    """Every text the field scripts show, in the person's language (__N__ etc. are filled in)."""
    return {
        "title": _("Inspeksi lapangan"),
        "noData": _("Data belum diunduh. Buka halaman ini sekali saat ada koneksi."),
        "signedOut": _(
            "Anda sudah keluar di ponsel ini. Masuk lagi saat ada koneksi untuk melanjutkan; "
            "pekerjaan yang belum terkirim tetap tersimpan di ponsel ini."
        ),
        "signIn": _("Masuk"),
        "signInUrl": url_for("auth.login", next=url_for("field.app")),
        "heldOther": _(
            "Ponsel ini juga menyimpan __N__ perubahan dari __WHO__ yang belum terkirim. "
            "Semuanya aman di ponsel ini dan terkirim saat __WHO__ masuk lagi di sini."
        ),
        "otherInspector": _("pemeriksa lain"),
        "pending": _("__N__ menunggu dikirim"),
        "allSent": _("Semua sudah terkirim"),
        "synced": _("Terkirim"),
        "queued": _("Menunggu dikirim"),
        "draft": _("Draf di perangkat"),
        "needsAttention": _("perlu diperiksa"),
        "start": _("Mulai inspeksi"),
        "dataAge": _("Data daftar periksa dan kantor diunduh __T__."),
        "empty": _("Belum ada inspeksi di perangkat ini."),
        "otherMember": _("Anggota lain"),
        "name": _("Nama"),
        "agency": _("Instansi"),
        "office": _("Kantor yang diperiksa"),
        "checklist": _("Daftar periksa"),
        "team": _("Tim pemeriksa"),
        "lead": _("Ketua tim"),
        "decline": _("Jangan rekam lokasi saya"),
        "begin": _("Mulai"),
        "pickOffice": _("Pilih kantor yang akan diperiksa."),
        "needAgency": _("Tulis instansi untuk anggota tim __N__."),
        "yes": _("Ya"),
        "no": _("Tidak"),
        "na": _("Tidak berlaku"),
        "observed": _("Diamati"),
        "compliant": _("Patuh"),
        "less": _("Kurangi"),
        "more": _("Tambah"),
        "value": _("Nilai"),
        "critical": _("kritis"),
        "guidance": _("Petunjuk"),
        "note": _("Catatan"),
        "photo": _("Foto bukti"),
        "addPhoto": _("Tambah foto"),
        "conflict": _("__W__ mengubah jawaban ini dari perangkat lain. Pilih yang dipakai:"),
        "keepMine": _("Pakai jawaban saya"),
        "keepServer": _("Pakai jawaban dari perangkat lain"),
        "refused": _("Server menolak jawaban ini."),
        "sectionOf": _("Bagian __N__ dari __T__"),
        "allSections": _("Semua bagian"),
        "summary": _("Ringkasan, tanda tangan & kirim"),
        "noChecklist": _("Daftar periksa inspeksi ini tidak ada di perangkat."),
        "previous": _("Sebelumnya"),
        "next": _("Lanjut"),
        "toSummary": _("Ke ringkasan"),
        "saving": _("Menyimpan…"),
        "countBoth": _("Isi jumlah diamati dan jumlah patuh; disimpan setelah keduanya terisi."),
        "countWhole": _("Jumlah harus bilangan bulat 0 atau lebih."),
        "tooMany": _("Jumlah patuh tidak boleh melebihi jumlah diamati"),
        "savedOnDevice": _("Tersimpan di perangkat __T__"),
        "photoOnDevice": _("Foto tersimpan di perangkat __T__"),
        "leadSign": _("Ketua tim"),
        "memberSign": _("Anggota tim"),
        "representative": _("Perwakilan kantor yang diperiksa"),
        "unanswered": _("Belum dijawab"),
        "needPhoto": _("Gagal: wajib ada foto bukti"),
        "needNote": _("Gagal: wajib ada catatan"),
        "preview": _("Skor sementara"),
        "stillMissing": _("Yang masih kurang"),
        "signatureMissing": _("Tanda tangan belum ada: __W__"),
        "complete": _("Semua butir sudah dijawab, bukti dan tanda tangan lengkap."),
        "signatures": _("Tanda tangan"),
        "submit": _("Kirim inspeksi"),
        "refusedBy": _("__N__ menolak menandatangani; saksi: __W__"),
        "signedBy": _("Sudah ditandatangani oleh __N__"),
        "repName": _("Nama perwakilan kantor"),
        "padLabel": _("Area tanda tangan"),
        "clear": _("Hapus"),
        "refuse": _("Menolak menandatangani"),
        "witness": _("Nama saksi"),
        "saveSignature": _("Simpan tanda tangan"),
        "needWitness": _("Tulis nama saksi penolakan tanda tangan."),
        "emptyPad": _("Tanda tangan belum digambar."),
        "notComplete": _("Lengkapi yang masih kurang sebelum mengirim."),
        "previousFindings": _("Temuan sebelumnya"),
        "previousFindingsIntro": _(
            "Kantor ini punya temuan yang belum selesai. Periksa masing-masing: sudah "
            "diperbaiki atau belum? Foto keadaan sekarang sebagai bukti."
        ),
        "noPreviousFindings": _("Kantor ini tidak punya temuan sebelumnya yang belum selesai."),
        "recheck": _("Hasil pemeriksaan ulang"),
        "corrected": _("Sudah diperbaiki"),
        "stillOpen": _("Belum diperbaiki"),
        "afterPhoto": _("Foto keadaan sekarang"),
        "dueOn": _("Batas perbaikan __T__"),
        "foundOn": _("Ditemukan saat inspeksi __T__"),
        "unmarkedStay": _(
            "Temuan yang tidak diperiksa ulang tidak menghalangi pengiriman; statusnya tetap."
        ),
        "toChecklist": _("Lanjut ke daftar periksa"),
        "followUpCount": _("__N__ temuan sebelumnya diperiksa ulang; __M__ belum diperiksa"),
        "checkFindings": _("Periksa temuan sebelumnya"),
    }


@bp.get("/lapangan")
@login_required
def app():
    if not can_start_inspection(current_user):
        abort(403)
    return render_template("field/app.html", messages=_messages())
