"""Bytes in, text out: the encodings community papers' text exports come in."""

import codecs
import re

from charset_normalizer import from_bytes

# File signatures of formats an editor might upload by mistake: named in the error message.
SIGNATURES = [
    (b"PK\x03\x04", "压缩包或 Word/Excel 文档（.docx/.xlsx/.zip）"),
    (b"\xd0\xcf\x11\xe0", "旧版 Word/Excel 文档（.doc/.xls）"),
    (b"\x89PNG", "PNG 图片"),
    (b"\xff\xd8\xff", "JPEG 图片"),
    (b"GIF8", "GIF 图片"),
    (b"{\\rtf", "RTF 文档"),
    (b"\x1f\x8b", "gzip 压缩文件"),
]

BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]

# What a Shanghai paper's text export can be in; the detector chooses only among these.
CANDIDATES = ["utf_8", "gb18030", "utf_16_le", "utf_16_be", "big5"]


class SourceError(Exception):
    """The source cannot be imported; `reason` is a short code, the message is for the editor."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason
        self.message = message


def decode_source(data: bytes) -> tuple[str, str]:
    """Decode an issue's bytes; returns (text with \\n line ends, encoding name)."""
    if not data.strip():
        raise SourceError("empty", "文件是空的")
    for signature, kind in SIGNATURES:
        if data.startswith(signature):
            raise SourceError("binary", f"这是{kind}，不是文本文件：请先从排版文件中导出文字（.txt）再导入")
    text, encoding = _decode(data)
    if _control_share(text) > 0.01:
        raise SourceError("binary", "文件含有大量控制字符，像是二进制文件而不是文本")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    if not text.strip():
        raise SourceError("empty", "文件没有文字内容")
    return text, encoding


def _decode(data: bytes) -> tuple[str, str]:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise SourceError("undecodable", f"文件声明为 {encoding} 编码，但第 {exc.start} 字节处无法解码") from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for encoding in ("utf-16-le", "utf-16-be"):
        # UTF-16 without a byte-order mark: accept it only if it reads as text.
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _text_share(text) > 0.9:
            return text, encoding
    if _raw_control_share(data) > 0.03:
        raise SourceError("binary", "这是二进制文件（含有大量不可见字符），不是文本文件")
    best = from_bytes(data, cp_isolation=CANDIDATES).best()
    if best is None or best.encoding is None:
        # The detector gives up on text full of rare characters (radicals an extractor returned);
        # GB18030 rejects most byte sequences that are not text, so a clean decode is good evidence.
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            text = ""
        if text and _text_share(text) >= 0.9:
            return text, "gb18030"
        raise SourceError("undecodable", "无法识别文件编码（支持 UTF-8、UTF-16、GB18030/GBK）")
    encoding = best.encoding
    # GBK and GB2312 files are decoded as GB18030, their superset, so no rare character is lost.
    if encoding in {"gbk", "gb2312", "cp936", "hz"}:
        encoding = "gb18030"
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise SourceError("undecodable", f"无法按 {encoding} 解码文件") from exc
    if _text_share(text) < 0.9:
        raise SourceError("undecodable", "无法识别文件编码（支持 UTF-8、UTF-16、GB18030/GBK）")
    return text, encoding.replace("_", "-")


def _text_share(text: str) -> float:
    """Share of characters a Chinese text file is made of: CJK, ASCII, CJK punctuation, spaces."""
    if not text:
        return 0.0
    sample = text[:20000]
    ok = sum(1 for ch in sample if (ch.isprintable() and (ch < "\u0250" or "\u2e80" <= ch <= "\u9fff"
                                                          or "\uff00" <= ch <= "\uffef" or "\u2000" <= ch <= "\u26ff"
                                                          or "\uf900" <= ch <= "\ufaff"))
             or ch in "\n\r\t\f")
    return ok / len(sample)


def _raw_control_share(data: bytes) -> float:
    sample = data[:8192]
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32 or b == 127)
    return controls / len(sample)


_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:20000]
    return len(_CONTROL_RE.findall(sample)) / len(sample)
