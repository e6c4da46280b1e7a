# The admin's date fields show WAGTAIL_DATE_FORMAT, day first ("25/11/2026"): read it, then the
# ISO form ("2026-11-25") that other systems write (liaise/formats/en/formats.py for English).
DATE_INPUT_FORMATS = [
    "%d/%m/%Y",  # '25/10/2006'
    "%d/%m/%y",  # '25/10/06'
    "%Y-%m-%d",  # '2006-10-25'
]
