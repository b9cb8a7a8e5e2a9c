"""Decoding: every encoding an extracted issue arrives in, and every way bytes can be unusable."""

import codecs

import pytest

from articles.importer.decode import SourceError, decode_source

TEXT = "青枫镇召开居民区工作会议\n\n3月15日，青枫镇召开居民区工作会议，部署“美丽家园”建设。\n"


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "gbk", "utf-16-le", "utf-16-be"])
def test_text_is_decoded_from_each_supported_encoding_without_a_byte_order_mark(encoding):
    text, found = decode_source(TEXT.encode(encoding))
    assert text == TEXT
    assert found.replace("_", "-") in {encoding, "gb18030"}


@pytest.mark.parametrize("bom,encoding", [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                                          (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_a_byte_order_mark_names_the_encoding_and_is_dropped(bom, encoding):
    text, found = decode_source(bom + TEXT.encode(encoding))
    assert text == TEXT
    assert found == encoding


def test_windows_and_old_mac_line_ends_become_newlines():
    text, _ = decode_source(TEXT.replace("\n", "\r\n").encode("gb18030"))
    assert text == TEXT
    text, _ = decode_source(TEXT.replace("\n", "\r").encode("utf-8"))
    assert text == TEXT


def test_gbk_text_is_read_as_gb18030_so_rare_characters_survive():
    rare = "镕基与喆的名字\n\n" + TEXT
    text, found = decode_source(rare.encode("gb18030"))
    assert found == "gb18030"
    assert text == rare


@pytest.mark.parametrize("data", [b"", b"   \n\n  \t"])
def test_an_empty_file_is_refused(data):
    with pytest.raises(SourceError) as info:
        decode_source(data)
    assert info.value.reason == "empty"
    assert "空" in info.value.message


@pytest.mark.parametrize("data,word", [(b"PK\x03\x04rest", "docx"), (b"\x89PNG\r\n\x1a\n", "PNG")])
def test_a_document_or_picture_is_refused_with_its_kind_named(data, word):
    with pytest.raises(SourceError) as info:
        decode_source(data)
    assert info.value.reason == "binary"
    assert word in info.value.message


def test_a_pdf_is_read_as_a_pdf_and_a_cut_off_one_is_refused_as_broken():
    from articles.importer import parse_issue

    with pytest.raises(SourceError) as info:
        parse_issue(b"%PDF-1.7\n...", source="cut.pdf")
    assert info.value.reason == "broken"
    assert "PDF" in info.value.message


def test_random_bytes_are_refused_as_binary():
    data = bytes(range(256)) * 20
    with pytest.raises(SourceError) as info:
        decode_source(data)
    assert info.value.reason == "binary"


def test_a_file_whose_byte_order_mark_lies_is_refused_as_undecodable():
    with pytest.raises(SourceError) as info:
        decode_source(codecs.BOM_UTF16_LE + b"\x00\xd8")
    assert info.value.reason == "undecodable"
