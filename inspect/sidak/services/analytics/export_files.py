"""Writing an export's rows as files, a piece at a time: CSV chunks, or an XLSX workbook
written in constant memory to a temporary file that is then read out and removed."""

import csv
import io
import tempfile
from collections.abc import Iterator

import xlsxwriter

from sidak.services.analytics.exports import Column


def csv_chunks(columns: list[Column], rows: Iterator[list]) -> Iterator[bytes]:
    """The CSV file in pieces of about 64 KB."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    buffer.write("\ufeff")  # so spreadsheet programs read UTF-8
    writer.writerow([column.title for column in columns])
    # the csv module writes None as nothing and a date as str(date), its ISO form
    for row in rows:
        writer.writerow(row)
        if buffer.tell() > 65536:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


def xlsx_file(columns: list[Column], rows: Iterator[list], sheet: str):
    """The workbook in a temporary file (constant memory), rewound for reading."""
    handle = tempfile.TemporaryFile()  # noqa: SIM115  (closed by file_chunks once sent)
    book = xlsxwriter.Workbook(handle, {"constant_memory": True, "in_memory": False})
    page = book.add_worksheet(sheet[:31])
    bold = book.add_format({"bold": True})
    day = book.add_format({"num_format": "yyyy-mm-dd"})
    score = book.add_format({"num_format": "0.0"})
    for index, column in enumerate(columns):
        page.write_string(0, index, column.title, bold)
        page.set_column(index, index, 14 if column.kind != "text" else 22)
    page.freeze_panes(1, 0)
    for number, row in enumerate(rows, start=1):
        for index, value in enumerate(row):
            if value is None or value == "":
                continue
            kind = columns[index].kind
            if kind == "date":
                page.write_datetime(number, index, value, day)
            elif kind == "score":
                page.write_number(number, index, float(value), score)
            elif kind == "int":
                page.write_number(number, index, value)
            else:
                page.write_string(number, index, str(value))
    book.close()
    handle.seek(0)
    return handle


def file_chunks(handle, size: int = 65536) -> Iterator[bytes]:
    try:
        while chunk := handle.read(size):
            yield chunk
    finally:
        handle.close()
