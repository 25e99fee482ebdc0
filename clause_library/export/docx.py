"""A contract as the Word document a lawyer would send: title, 特别提示, a table of contents, numbered
articles with conspicuous terms in bold, blanks highlighted, real tables, a signature page, annexes on
pages of their own, and 第 X 页 共 Y 页 in the footer.

The same writer makes every Word edition: with `note`, each article's note is a comment on its
heading (the annotated edition); a document whose runs carry revisions (assembly/redline.py) becomes
real tracked changes; a template (assembly.assemble_template) keeps its 〖tags〗 for the builder, which
docxtemplater replaces with the reader's values.

python-docx stamps zip members, document properties and comments with the current time; all are
pinned here, and revisions dated at the same fixed time, so two builds of the same commit give
byte-identical files.
"""

from __future__ import annotations

import datetime
import io
import itertools
import zipfile
from collections.abc import Callable

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from clause_library.assembly import AssembledContract, Block, Paragraph, Run, Section
from clause_library.export.text import CLOSING

AUTHOR = "电商客服外包合同条款库"
REVISION_AUTHOR = "条款库"
ANNOTATED_NOTICE = "本文件以批注形式附逐条注释，供理解与谈判参考，不构成法律意见；签署前请删除批注。"
BODY_FONT = "宋体"
HEADING_FONT = "黑体"
INDENTED_STYLE = "ContractBody"  # body paragraphs: Normal with a first-line indent
TITLE_STYLE = "ContractTitle"  # the theme's Title has a coloured rule under it: not for a contract
TABLE_STYLE = "Table Grid"
FIXED_TIME = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
TOC_TITLE = "目　录"

Note = Callable[[Section], str]


def _set_font(style, east_asian: str, size: float, bold: bool = False) -> None:
    style.font.name = east_asian
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.color.rgb = None
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), east_asian)  # font.name alone does not reach CJK text


def _element(tag: str, **attributes: str):
    node = OxmlElement(tag)
    for key, value in attributes.items():
        node.set(qn(key), value)
    return node


def _bookmark_name(section: Section) -> str:
    return section.anchor.replace("-", "_")


class _Writer:
    def __init__(self, note: Note | None, sample: bool):
        self.document = Document()
        self.note = note
        self.sample = sample
        self.revision_ids = itertools.count(1)
        self._styles()
        styles = self.document.styles
        self.article_style, self.annex_style = styles["Heading 2"].style_id, styles["Heading 1"].style_id

    # -- setup ------------------------------------------------------------------------------
    def _styles(self) -> None:
        section = self.document.sections[0]
        section.page_height, section.page_width = Cm(29.7), Cm(21.0)
        section.top_margin = section.bottom_margin = Cm(2.54)
        section.left_margin = section.right_margin = Cm(2.8)
        styles = self.document.styles
        _set_font(styles["Normal"], BODY_FONT, 12)
        # 固定值20磅, as Chinese model contracts are set: a multiple of a CJK font's own (tall) line height
        # gave a page a third fewer lines and the general contract 119 pages
        styles["Normal"].paragraph_format.line_spacing = Pt(20)
        styles["Normal"].paragraph_format.space_after = Pt(0)
        title = styles.add_style(TITLE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        title.base_style = styles["Normal"]
        _set_font(title, HEADING_FONT, 18, bold=True)
        title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        title.paragraph_format.space_after = Pt(18)
        title.paragraph_format.line_spacing = Pt(28)
        _set_font(styles["Heading 1"], HEADING_FONT, 14, bold=True)
        _set_font(styles["Heading 2"], HEADING_FONT, 12, bold=True)
        for name in ("Heading 1", "Heading 2"):
            styles[name].paragraph_format.space_before = Pt(12)
            styles[name].paragraph_format.space_after = Pt(6)
            styles[name].paragraph_format.keep_with_next = True
        styles["Heading 1"].paragraph_format.line_spacing = Pt(24)
        indented = styles.add_style(INDENTED_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        indented.base_style = styles["Normal"]
        indented.paragraph_format.first_line_indent = Pt(24)  # two characters, as Chinese contracts do
        self._page_numbers(section)

    def _page_numbers(self, section) -> None:
        """第 X 页 共 Y 页, centred in the footer: the pages a 骑缝章 crosses can be counted."""
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        footer.add_run("第 ")
        self._field(footer, "PAGE", "1")
        footer.add_run(" 页 共 ")
        self._field(footer, "NUMPAGES", "1")
        footer.add_run(" 页")

    @staticmethod
    def _field(paragraph, instruction: str, shown: str = "") -> None:
        """A Word field (PAGE, NUMPAGES, PAGEREF …) with `shown` as its last computed result."""
        def char(kind: str) -> None:
            run = OxmlElement("w:r")
            run.append(_element("w:fldChar", **{"w:fldCharType": kind}))
            paragraph._p.append(run)

        char("begin")
        run = OxmlElement("w:r")
        text = _element("w:instrText", **{"xml:space": "preserve"})
        text.text = f" {instruction} "
        run.append(text)
        paragraph._p.append(run)
        char("separate")
        paragraph.add_run(shown)
        char("end")

    # -- runs and revisions -----------------------------------------------------------------
    def _revision(self, kind: str):
        return _element(f"w:{kind}", **{"w:id": str(next(self.revision_ids)), "w:author": REVISION_AUTHOR,
                                        "w:date": FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")})

    def _run(self, paragraph, text: str, bold: bool = False, highlight: bool = False, revision: str | None = None):
        added = paragraph.add_run(text)
        if bold:
            added.bold = True
        if highlight:
            added.font.highlight_color = WD_COLOR_INDEX.YELLOW
        if revision:
            element = added._r
            if revision == "del":
                for node in element.findall(qn("w:t")):
                    node.tag = qn("w:delText")
            wrapper = self._revision(revision)
            element.addprevious(wrapper)
            wrapper.append(element)
        return added

    def _mark(self, paragraph, revision: str | None) -> None:
        """An inserted or deleted paragraph mark: accepting a deletion joins the paragraph to the next."""
        if revision:
            properties = paragraph._p.get_or_add_pPr()
            marks = properties.find(qn("w:rPr"))
            if marks is None:
                marks = OxmlElement("w:rPr")
                before = properties.find(qn("w:sectPr"))  # rPr precedes sectPr in a paragraph's properties
                before.addprevious(marks) if before is not None else properties.append(marks)
            marks.append(self._revision(revision))

    def runs(self, paragraph, runs: tuple[Run, ...]) -> None:
        """Bold where the contract marks a term to weigh. In a sample edition every value still to be
        filled in or confirmed is highlighted, so the reader finds each one in Word; a reader's own
        contract (the builder's, `fill`'s) reads plain, its blanks marked 【】 only."""
        for run in runs:
            highlight = self.sample and run.field is not None and run.state in ("suggested", "blank")
            self._run(paragraph, run.text, run.bold, highlight, run.revision)

    # -- blocks -----------------------------------------------------------------------------
    def blocks(self, blocks: tuple[Block, ...], indent: bool = True) -> None:
        for block in blocks:
            if isinstance(block, Paragraph):
                paragraph = self.document.add_paragraph()
                if indent:
                    paragraph._p.style = INDENTED_STYLE
                self.runs(paragraph, block.runs)
                self._mark(paragraph, block.revision)
            else:
                self.table(block.rows)

    def table(self, rows) -> None:
        table = self.document.add_table(rows=len(rows), cols=max(len(row) for row in rows))
        table.style = self.document.styles[TABLE_STYLE]
        for index, (row, cells) in enumerate(zip(table.rows, rows)):
            for cell, runs in zip(row.cells, cells):
                paragraph = cell.paragraphs[0]
                paragraph.paragraph_format.line_spacing = 1.15
                self.runs(paragraph, runs if index else tuple(Run(r.text, True, r.field, r.state, r.target, r.revision)
                                                              for r in runs))
        self.document.add_paragraph()

    def text(self, text: str, style: str | None = None) -> None:
        paragraph = self.document.add_paragraph(style=style)
        paragraph.add_run(text)

    # -- parts of the contract ---------------------------------------------------------------
    def notice(self, doc: AssembledContract) -> None:
        """特别提示 in a shaded box at the top: the conspicuous terms, by article (民法典第496条)."""
        if not doc.notice:
            return
        box = self.document.add_table(rows=1, cols=1)
        box.style = self.document.styles[TABLE_STYLE]
        cell = box.rows[0].cells[0]
        cell._tc.get_or_add_tcPr().append(_element("w:shd", **{"w:val": "clear", "w:fill": "F2F2F2"}))
        cell.paragraphs[0].add_run("特别提示").bold = True
        for paragraph in doc.notice:
            if paragraph.condition:  # the builder's template: this line only for the option it names
                cell.add_paragraph(f"〖#{paragraph.condition}〗")
            added = cell.add_paragraph()
            self.runs(added, tuple(Run(r.text, True, revision=r.revision) for r in paragraph.runs))
            self._mark(added, paragraph.revision)
            if paragraph.condition:
                cell.add_paragraph(f"〖/{paragraph.condition}〗")
        self.document.add_paragraph()

    def contents(self, sections: tuple[Section, ...]) -> None:
        """Every article and annex with a PAGEREF to its heading, which LibreOffice numbers as it lays
        the pages out and Word when it refreshes fields on opening. (A Word TOC field would keep its
        cached, page-less entries in LibreOffice.)"""
        self.text(TOC_TITLE, TITLE_STYLE)
        page = self.document.sections[0]
        width = page.page_width - page.left_margin - page.right_margin
        for section in sections:
            paragraph = self.document.add_paragraph()
            paragraph.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
            if section.title_runs:
                self.runs(paragraph, section.title_runs)
                self._run(paragraph, "\t")
            else:
                self._run(paragraph, f"{section.title}\t", revision=section.revision)
            if section.revision != "del":
                self._field(paragraph, f"PAGEREF {_bookmark_name(section)} \\h", "")
            self._mark(paragraph, section.revision)

    def section(self, section: Section, style_id: str, number: int, indent: bool) -> None:
        """An article or annex. In the builder's template an option's article sits between
        〖#condition〗 and 〖/condition〗 paragraphs, which docxtemplater removes with the article when
        the reader chose otherwise."""
        if section.condition:
            self.text(f"〖#{section.condition}〗")
        if section.kind == "annex":
            self.document.add_section(WD_SECTION.NEW_PAGE)
            self._mark(self.document.paragraphs[-1], section.revision)  # the break belongs to the annex
        # Setting the style id directly: python-docx resolves a style by name with a scan of every
        # style per call, which made headings most of the build time of a long contract.
        heading = self.document.add_paragraph()
        heading._p.style = style_id
        if section.title_runs:
            self.runs(heading, section.title_runs)
        else:
            self._run(heading, section.title, revision=section.revision)
        self._mark(heading, section.revision)
        self._bookmark(heading, _bookmark_name(section), number)
        if self.note:
            comment = self.document.add_comment(heading.runs, self.note(section), author=AUTHOR, initials="注")
            comment._comment_elm.date = FIXED_TIME
        self.blocks(section.blocks, indent)
        if section.condition:
            self.text(f"〖/{section.condition}〗")

    @staticmethod
    def _bookmark(paragraph, name: str, number: int) -> None:
        start = _element("w:bookmarkStart", **{"w:id": str(number), "w:name": name})
        end = _element("w:bookmarkEnd", **{"w:id": str(number)})
        paragraph._p.insert(1 if paragraph._p.pPr is not None else 0, start)
        paragraph._p.append(end)

    def signature_page(self, doc: AssembledContract) -> None:
        """A page of its own a company can seal: one column per signatory, room to sign and date."""
        self.document.add_page_break()
        self.text("签署页", TITLE_STYLE)
        table = self.document.add_table(rows=len(doc.signature), cols=len(doc.signatories))
        for row, cells in zip(table.rows, doc.signature):
            row.height = Cm(3)
            for cell, runs in zip(row.cells, cells):
                self.runs(cell.paragraphs[0], runs)

    def contract(self, doc: AssembledContract) -> bytes:
        props = self.document.core_properties
        props.title, props.author, props.comments = doc.title, AUTHOR, "仅供参考，不构成法律意见。"
        props.created = props.modified = FIXED_TIME
        props.last_modified_by = ""
        props.revision = 1
        # Word asks once to refresh the contents' page numbers when the file is opened.
        self.document.settings.element.append(_element("w:updateFields", **{"w:val": "true"}))

        self.text(doc.title, TITLE_STYLE)
        if self.note:
            self.text(ANNOTATED_NOTICE)
        self.notice(doc)
        self.document.add_section(WD_SECTION.NEW_PAGE)
        self.contents(doc.contents)
        self.document.add_section(WD_SECTION.NEW_PAGE)
        self.blocks(doc.parties, indent=False)
        self.blocks(doc.recitals)
        for number, section in enumerate(doc.articles, 1):
            self.section(section, self.article_style, number, indent=True)
        self.text(CLOSING)
        self.signature_page(doc)
        for number, section in enumerate(doc.annexes, len(doc.articles) + 1):
            self.section(section, self.annex_style, number, indent=False)
        buffer = io.BytesIO()
        self.document.save(buffer)
        return _normalised(buffer.getvalue())


def _normalised(raw: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(item.filename))
    return out.getvalue()


def contract_docx(doc: AssembledContract, note: Note | None = None) -> bytes:
    """The contract; with `note`, each article and annex heading carries its note as a comment."""
    return _Writer(note, doc.sample).contract(doc)
