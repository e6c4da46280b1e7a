# The admin's date fields show WAGTAIL_DATE_FORMAT, day first ("25/11/2026"), in English too;
# Django's English input formats read "dd/mm/yyyy" month first, so they refused a 25th and
# turned 05/11 into 11 May. Day first, as the widget writes it, then ISO.
DATE_INPUT_FORMATS = [
    "%d/%m/%Y",  # '25/10/2006'
    "%d/%m/%y",  # '25/10/06'
    "%Y-%m-%d",  # '2006-10-25'
]
