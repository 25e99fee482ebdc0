"""A sample contract as a Word document: real headings, Chinese fonts; optionally with each
article's note as a Word comment on its heading, for the reader who wants the annotated edition.

python-docx stamps zip members, document properties and comments with the current time; all are
pinned here so two builds of the same commit give byte-identical files.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
import io
import zipfile

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from clause_library.export.outline import CLOSING, NUMBER_LINE, Outline, Section

COMMENT_AUTHOR = "电商客服外包合同条款库"
ANNOTATED_NOTICE = "本文件以批注形式附逐条注释，供理解与谈判参考，不构成法律意见；签署前请删除批注。"
BODY_FONT = "宋体"
HEADING_FONT = "黑体"
INDENTED_STYLE = "ContractBody"  # body paragraphs: Normal with a first-line indent
FIXED_TIME = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)


def _set_font(style, east_asian: str, size: float, bold: bool = False) -> None:
    style.font.name = east_asian
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.color.rgb = None
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), east_asian)  # font.name alone does not reach CJK text


def _setup(document) -> None:
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.top_margin = section.bottom_margin = Cm(2.54)
    section.left_margin = section.right_margin = Cm(2.8)
    styles = document.styles
    _set_font(styles["Normal"], BODY_FONT, 12)
    styles["Normal"].paragraph_format.line_spacing = 1.5
    styles["Normal"].paragraph_format.space_after = Pt(0)
    _set_font(styles["Title"], HEADING_FONT, 18, bold=True)
    _set_font(styles["Heading 1"], HEADING_FONT, 14, bold=True)
    _set_font(styles["Heading 2"], HEADING_FONT, 12, bold=True)
    for name in ("Heading 1", "Heading 2"):
        styles[name].paragraph_format.space_before = Pt(12)
        styles[name].paragraph_format.space_after = Pt(6)
    indented = styles.add_style(INDENTED_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    indented.base_style = styles["Normal"]
    indented.paragraph_format.first_line_indent = Pt(24)  # two characters, as Chinese contracts do


def _heading(document, section: Section, style_id: str, note: Callable[[Section], str] | None) -> None:
    # Setting the style id directly: python-docx resolves a style by name with a scan of every
    # style per call, which made headings most of the build time of a long contract.
    paragraph = document.add_paragraph(section.title)
    paragraph._p.style = style_id
    if note:
        comment = document.add_comment(paragraph.runs, note(section), author=COMMENT_AUTHOR, initials="注")
        comment._comment_elm.date = FIXED_TIME


def _body(document, text: str, indent: bool = True) -> None:
    paragraph = document.add_paragraph(text)
    if indent:
        paragraph._p.style = INDENTED_STYLE


def _normalised(raw: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(item.filename))
    return out.getvalue()


def contract_docx(doc: Outline, note: Callable[[Section], str] | None = None) -> bytes:
    """The contract; with `note`, each article and annex heading carries its note as a comment."""
    document = Document()
    _setup(document)
    props = document.core_properties
    props.title, props.author, props.comments = doc.contract.title, "电商客服外包合同条款库", "仅供参考，不构成法律意见。"
    props.created = props.modified = FIXED_TIME
    props.last_modified_by = ""
    props.revision = 1

    article_style, annex_style = document.styles["Heading 2"].style_id, document.styles["Heading 1"].style_id
    document.add_paragraph(doc.contract.title, style="Title").alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph(NUMBER_LINE).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if note:
        _body(document, ANNOTATED_NOTICE, indent=False)
    for line in doc.parties:
        _body(document, line, indent=False)
    for line in doc.recitals:
        _body(document, line)
    for section in doc.articles:
        _heading(document, section, article_style, note)
        for line in section.paragraphs:
            _body(document, line)
    _body(document, CLOSING, indent=False)
    rows = doc.signature_rows
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, texts in zip(table.rows, rows):
        for cell, text in zip(row.cells, texts):
            cell.text = text
    for section in doc.annexes:
        document.add_section(WD_SECTION.NEW_PAGE)
        _heading(document, section, annex_style, note)
        for line in section.paragraphs:
            _body(document, line, indent=False)
    buffer = io.BytesIO()
    document.save(buffer)
    return _normalised(buffer.getvalue())
