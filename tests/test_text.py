"""Decoding text disclosures: encodings detected from the bytes, bad bytes refused in Chinese."""

from __future__ import annotations

import pytest

from ingest.errors import UnreadableDocument
from ingest.readers.text import decode_text, read_text_layout

SAMPLE_LINE = "第三部分  部门预算支出具体情况 \n（一）人员支出 2,315 万元，主要包括：在职人员工资福利\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_decodes_every_supported_encoding(encoding):
    assert decode_text(SAMPLE_LINE.encode(encoding), "x.txt") == SAMPLE_LINE


def test_encoding_comes_from_the_bytes_not_the_name():
    data = SAMPLE_LINE.encode("gb18030")
    assert decode_text(data, "utf8-file.txt") == SAMPLE_LINE


@pytest.mark.parametrize("data, message", [
    (b"", "是空的"),
    (b"  \n\r\n ", "是空的"),
    (b"\x00\x01\x02PK\x00\x00binary" * 20, "二进制"),
    (bytes(range(1, 32)) * 10 + "预算".encode(), "控制字符"),
    (b"\x80\xc1\xff\xfd" * 50, "编码"),
    (b"\xff\xfe" + b"\x80\xc1\xff\xfd" * 50, "编码"),
])
def test_refuses_unreadable_bytes_with_a_chinese_message(data, message):
    with pytest.raises(UnreadableDocument, match=message):
        decode_text(data, "bad.txt")


def test_text_that_is_no_disclosure_is_refused():
    text = "今天天气很好，我们去公园散步。\n晚上一起吃饭。\n"
    with pytest.raises(UnreadableDocument, match="不是预算或决算公开文件"):
        read_text_layout(text.encode("utf-8"), "diary.txt")


def test_layout_keeps_every_line_numbered_from_one(sample_path):
    layout = read_text_layout(sample_path.read_bytes(), sample_path.name)
    assert layout.lines[3] == "第一部分  部门概况 "
    numbers = [number for number, _ in layout.narrative_lines]
    assert numbers == sorted(numbers) and numbers[0] >= 1
    assert (4, "第一部分  部门概况 ") in layout.narrative_lines


def test_gb18030_copy_of_the_sample_gives_exactly_the_same_records(sample_path, tmp_path):
    from ingest.document import parse_document

    copy = tmp_path / sample_path.name
    copy.write_bytes(sample_path.read_text(encoding="utf-8").encode("gb18030"))
    original, converted = parse_document(sample_path), parse_document(copy)
    assert converted.records == original.records
    assert converted.sections == original.sections
    assert len(converted.records) > 100


def test_a_file_cut_in_the_middle_of_a_character_still_parses(sample_path, tmp_path):
    from ingest.document import parse_document

    data = sample_path.read_bytes()
    cut_at = data.index("第五部分".encode()) + 1  # inside the first character's three bytes
    path = tmp_path / "cut.txt"
    path.write_bytes(data[:cut_at])
    document = parse_document(path)
    assert any("被截断" in warning for warning in document.warnings)
    assert any(r.label == "服务采购" and r.value == 278 for r in document.records)


def test_a_few_unreadable_bytes_become_a_warning_not_a_failure():
    text = "第一部分 部门概况\n一、部门职责\n负责经办养老保险。预算 3,776 万元。\n" * 40
    data = text.encode("utf-8")
    data = data[:60] + b"\xff" + data[60:]
    layout = read_text_layout(data, "one-bad-byte.txt")
    assert layout.warnings == ("文件“one-bad-byte.txt”中有 1 处无法识别的字节，已显示为“\ufffd”。",)


def test_gb18030_file_cut_in_the_middle_of_a_character():
    data = SAMPLE_LINE.encode("gb18030")[:-2]  # drops "\n" and half of "利"
    assert decode_text(data, "cut.txt") == SAMPLE_LINE[:-2]
