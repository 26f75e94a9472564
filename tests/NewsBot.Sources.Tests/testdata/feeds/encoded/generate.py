#!/usr/bin/env python3
"""Writes the non-UTF-8 test feeds in this folder. Run from this folder: python3 generate.py"""

ARABIC_TITLE = "أخبار العالم"
ARABIC_ITEM = "انتخابات في القاهرة"
LATIN_TITLE = "Café Ñandú"
LATIN_ITEM = "Crème brûlée à la française"


def rss(encoding, channel_title, item_title):
    prolog = f'<?xml version="1.0" encoding="{encoding}"?>\n' if encoding else '<?xml version="1.0"?>\n'
    return (prolog
            + '<rss version="2.0"><channel>'
            + f'<title>{channel_title}</title><link>https://enc.example.com/</link>'
            + f'<item><title>{item_title}</title><link>https://enc.example.com/1</link></item>'
            + '</channel></rss>\n')


def write(name, text, codec, bom=b""):
    with open(name, "wb") as f:
        f.write(bom + text.encode(codec))


# The prolog names the real encoding.
write("windows-1256.xml", rss("windows-1256", ARABIC_TITLE, ARABIC_ITEM), "cp1256")
write("iso-8859-1.xml", rss("ISO-8859-1", LATIN_TITLE, LATIN_ITEM), "latin-1")
# The prolog lies (says windows-1252); the HTTP header (windows-1256) tells the truth.
write("prolog-says-1252-bytes-are-1256.xml", rss("windows-1252", ARABIC_TITLE, ARABIC_ITEM), "cp1256")
# A UTF-8 BOM, and a prolog that claims ISO-8859-1: the BOM wins.
write("utf8-bom-prolog-says-latin1.xml", rss("ISO-8859-1", ARABIC_TITLE, LATIN_ITEM), "utf-8", b"\xef\xbb\xbf")
# No BOM, no declared encoding, no header: UTF-8 by default.
write("utf8-undeclared.xml", rss(None, ARABIC_TITLE, LATIN_ITEM), "utf-8")
