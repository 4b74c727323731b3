"""The web app in a real browser (Playwright driving Debian's chromium).

Asks questions on the sample as a citizen would, checks figures, citations
and the highlighted cited row, saves screenshots (desktop and phone) under
test-artifacts/, and checks that hostile text in a disclosure stays text.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ui_server import copy_home, running_server

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "test-artifacts"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
ANSWER_TIMEOUT_MS = 90_000
DESK_PASSWORD = "browser-desk-pw"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium at /usr/bin/chromium "
                                                       "(apt-get install -y chromium fonts-noto-cjk)"),
]

HOSTILE_DISCLOSURE = """ 一、文字部分

第一部分  部门概况

一、部门职责

负责测试辖区的预算公开工作<script>window.__xss=1</script>，以及<img src=x onerror="window.__xss=2">宣传。

第二部分  部门预算收支总体情况

2023 年测试局部门预算收入 100 万元，比 2022 年增加 10 万元。

二、表格部分

表 3

支出总表

部门名称： 测试局  单位：万元

预算单位 支出总计 基本支出 项目支出

     测试局<img src=x onerror="window.__xss=3"> 100 60 40
"""


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def sample_server(sample_home, tmp_path_factory) -> str:
    home = copy_home(sample_home, tmp_path_factory.mktemp("browser") / "home")
    with running_server(home) as url:
        yield url


def open_chat(browser, url: str, viewport: dict):
    page = browser.new_page(viewport=viewport, locale="zh-CN")
    page.goto(url)
    page.wait_for_selector("#question textarea, #question input", timeout=60_000)
    return page


def ask(page, question: str) -> None:
    """Type a question, press Enter, wait until its answer is on the page."""
    turns = page.locator("#transcript .turn").count()
    box = page.locator("#question textarea, #question input").first
    box.fill(question)
    box.press("Enter")
    page.wait_for_function(f"document.querySelectorAll('#transcript .turn').length > {turns}",
                           timeout=ANSWER_TIMEOUT_MS)


def last_turn(page):
    return page.locator("#transcript .turn").last


def test_chat_answers_with_figures_citations_and_a_follow_up(browser, sample_server):
    ARTIFACTS.mkdir(exist_ok=True)
    page = open_chat(browser, sample_server, DESKTOP)
    # The first example names the loaded department, whatever is loaded.
    for example in ("深圳市社会保险基金管理局罗湖分局今年一共有多少钱？", "公车有几辆？",
                    "为什么预算比去年多？", "支出结构是怎样的？"):
        assert page.get_by_role("button", name=example).is_visible()

    ask(page, "罗湖社保分局今年一共有多少钱？")
    first = last_turn(page)
    assert re.search(r"3,?776", first.locator(".answer-text").inner_text())   # 收入/支出 3,776 万元
    assert first.locator(".citation").count() >= 1

    ask(page, "基本支出多少？")
    assert re.search(r"2,?972", last_turn(page).locator(".answer-text").inner_text())  # 表3/表4 2,972

    ask(page, "其中物业管理费呢？")                                                    # follow-up
    turn = last_turn(page)
    assert "231" in turn.locator(".answer-text").inner_text()                          # 表4 物业管理费
    citation = turn.locator('.citation[data-ref="表4"]').first
    assert "基本支出总表" in citation.locator(".cite-title").inner_text()
    citation.locator("details.cite-context summary").click()
    row = citation.locator("tr.cited-row").first
    row.wait_for(state="visible")
    assert "物业管理费" in row.inner_text()
    assert row.locator("td.cited").first.inner_text().strip() == "231"

    page.locator("#copy-panel").get_by_text("复制答案及出处").click()
    copied = page.locator("#copy-text textarea").input_value()
    assert "其中物业管理费呢？" in copied and "231" in copied and "来源：表4" in copied
    page.screenshot(path=str(ARTIFACTS / "ui-desktop-chat.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= DESKTOP["width"]
    page.close()


def test_readme_screenshot_of_an_answer_with_its_citation(browser, sample_server):
    page = open_chat(browser, sample_server, DESKTOP)
    ask(page, "物业管理费是多少？")
    turn = last_turn(page)
    assert "231" in turn.locator(".answer-text").inner_text()
    turn.locator("details.cite-context summary").first.click()
    turn.locator("td.cited").first.wait_for(state="visible")
    page.evaluate("window.scrollTo(0, 0)")
    # The README shows docs/screenshot-chat.png, a copy of this artifact taken by hand:
    # tests never write tracked files.
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "screenshot-chat.png"), full_page=True)
    page.close()


def test_phone_layout_and_project_breakdown_chart(browser, sample_server):
    ARTIFACTS.mkdir(exist_ok=True)
    page = open_chat(browser, sample_server, PHONE)
    page.screenshot(path=str(ARTIFACTS / "ui-phone-empty.png"), full_page=True)
    ask(page, "项目支出由哪些构成？")
    chart = last_turn(page).locator(".answer-chart")
    bars = dict(zip(chart.locator(".bar-label").all_inner_texts(),
                    chart.locator(".bar-value").all_inner_texts()))
    assert bars.get("社会保险综合管理") == "589 万元" and bars.get("区财政安排项目") == "149 万元"  # 表5
    last_turn(page).locator("details.cite-context summary").first.click()
    page.screenshot(path=str(ARTIFACTS / "ui-phone-chat.png"), full_page=True)
    # A wide table scrolls inside its box; the page itself never scrolls sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    page.locator("#new-chat").click()                    # a new conversation starts from the welcome
    page.locator("#transcript .welcome").wait_for()
    assert page.locator("#transcript .turn").count() == 0
    page.close()


def test_spending_structure_question_draws_a_chart(browser, sample_server):
    page = open_chat(browser, sample_server, DESKTOP)
    ask(page, "支出结构是怎样的？")
    chart = last_turn(page).locator(".answer-chart")
    assert chart.locator(".bar-row").count() >= 2
    assert "万元" in chart.inner_text()
    page.close()


@pytest.fixture(scope="module")
def hostile_server(sample_home, tmp_path_factory) -> str:
    from assistant.config import load_config
    from index.ingest import ingest_files

    base = tmp_path_factory.mktemp("hostile")
    home = copy_home(sample_home, base / "home")
    disclosure = base / "hostile-2023-budget.txt"
    disclosure.write_text(HOSTILE_DISCLOSURE, encoding="utf-8")
    results = ingest_files(load_config(home), [disclosure])
    assert [r.status for r in results] == ["added"], results
    with running_server(home, admin_password=DESK_PASSWORD) as url:
        yield url


def test_hostile_disclosure_text_renders_as_text(browser, hostile_server):
    page = open_chat(browser, hostile_server, DESKTOP)
    picker = page.locator("#doc-picker")
    picker.wait_for(state="visible")                       # two disclosures: the picker appears
    picker.locator("input").click()
    page.get_by_role("option", name=re.compile("测试局")).click()
    ask(page, "部门职责是什么？")
    text = last_turn(page).inner_text()
    assert "<script>window.__xss=1</script>" in text
    assert '<img src=x onerror="window.__xss=2">' in text

    page.get_by_role("tab", name="表格浏览").click()
    page.locator("#table-doc input").click()
    page.get_by_role("option", name=re.compile("测试局")).click()
    grid = page.locator("#table-view .budget-table")
    grid.wait_for(state="visible")
    page.wait_for_function("document.querySelector('#table-view').innerText.includes('__xss=3')")
    assert '测试局<img src=x onerror="window.__xss=3">' in grid.inner_text()
    assert page.locator("#transcript img, #table-view img, #transcript script").count() == 0
    assert page.evaluate("typeof window.__xss") == "undefined"
    page.screenshot(path=str(ARTIFACTS / "ui-hostile-text.png"), full_page=True)
    page.close()


def test_staff_desk_login_then_a_bad_upload_is_explained(browser, hostile_server, tmp_path):
    page = browser.new_page(viewport=DESKTOP, locale="zh-CN")
    page.goto(f"{hostile_server}/desk")
    page.locator("input[type=password]").wait_for(timeout=60_000)
    assert page.locator("#upload").count() == 0                      # nothing of the desk before login
    page.locator("input[type=text]").first.fill("staff")
    page.locator("input[type=password]").fill(DESK_PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.locator("#upload").wait_for(timeout=60_000)

    page.get_by_role("tab", name="已载入的文件").click()
    doc_list = page.locator("#doc-list")
    doc_list.get_by_text("测试局").first.wait_for()
    before = doc_list.inner_text()

    page.get_by_role("tab", name="上传公开文件").click()
    bad = tmp_path / "scan-2023.txt"
    bad.write_bytes(b"\x00\x01\x02 binary \xff")
    page.locator("#upload-files input[type=file]").set_input_files(str(bad))
    page.locator("#upload").click()
    report = page.locator("#ingest-report .ingest-result.failed")
    report.wait_for(timeout=ANSWER_TIMEOUT_MS)
    assert "scan-2023.txt" in report.inner_text() and "没有任何改动" in report.inner_text()
    page.screenshot(path=str(ARTIFACTS / "ui-desk-bad-upload.png"), full_page=True)
    page.get_by_role("tab", name="已载入的文件").click()
    assert doc_list.inner_text() == before
    page.close()


def login_to_desk(browser, url: str):
    page = browser.new_page(viewport=DESKTOP, locale="zh-CN")
    page.goto(f"{url}/desk")
    page.locator("input[type=password]").wait_for(timeout=60_000)
    page.locator("input[type=text]").first.fill("staff")
    page.locator("input[type=password]").fill(DESK_PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.locator("#upload").wait_for(timeout=60_000)
    return page


def test_staff_desk_audit_of_the_sample_shows_the_table11_unit_error(browser, hostile_server):
    ARTIFACTS.mkdir(exist_ok=True)
    page = login_to_desk(browser, hostile_server)
    page.get_by_role("tab", name="发布前核对").click()
    page.locator("#audit-picker input").click()
    page.get_by_role("option", name=re.compile("罗湖分局")).click()
    page.locator("#audit-loaded").click()
    error = page.locator("#audit-report .audit-finding.verdict-error")
    error.first.wait_for(timeout=ANSWER_TIMEOUT_MS)
    assert error.count() == 1                                   # the sample's one real inconsistency
    text = error.first.inner_text()
    assert "错误" in text and "表11" in text and "（元）" in text and "单位：万元" in text
    assert error.first.locator("table.audit-cells").is_visible()   # its cells are shown, not folded
    passed = page.locator("#audit-report details.audit-passed")
    assert re.search(r"通过的检查（\d+ 项）", passed.locator("summary").inner_text())
    assert not passed.locator("ul").is_visible()                 # passed checks stay folded
    section = page.locator("#audit-report section.audit-section").first   # problems listed by section
    assert section.get_attribute("data-section").startswith("表11")
    assert "表11" in section.locator("h4.audit-section-head").inner_text()
    page.locator('#audit-json a[download$="核对报告.json"]').wait_for()   # the JSON download
    page.locator('#audit-csv a[download$="核对报告.csv"]').wait_for()     # the CSV download
    page.screenshot(path=str(ARTIFACTS / "desk-audit.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= DESKTOP["width"]
    page.close()


def wait_for_the_page_to_load(page) -> None:
    """The page's load event re-renders the welcome naming the disclosure: wait for it before asking,
    else it may replace the first answer on a busy machine."""
    page.locator("#transcript .welcome-doc").wait_for(timeout=60_000)


def test_phone_shows_the_skipped_rows_marker_on_screen(browser, sample_server):
    page = open_chat(browser, sample_server, PHONE)
    wait_for_the_page_to_load(page)
    ask(page, "物业管理费是多少？")                        # 表4 has 37 rows: rows far from 物业管理费 are skipped
    citation = last_turn(page).locator('.citation[data-ref="表4"]').first
    citation.locator("details.cite-context summary").click()
    gap = citation.locator("tr.gap td").first
    gap.wait_for(state="visible")
    # Where the "…" itself is drawn (its text), not its table cell, which spans the wide table.
    box = gap.evaluate("td => { const range = document.createRange(); range.selectNodeContents(td);"
                       " const r = range.getBoundingClientRect(); return {left: r.left, right: r.right}; }")
    assert 0 <= box["left"] and box["right"] <= PHONE["width"], box
    page.screenshot(path=str(ARTIFACTS / "ui-phone-skipped-rows.png"), full_page=True)
    page.close()


def test_copy_button_copies_the_conversation_with_its_sources_and_disclosure(browser, sample_server):
    context = browser.new_context(viewport=DESKTOP, locale="zh-CN",
                                  permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(sample_server)
    page.wait_for_selector("#question textarea, #question input", timeout=60_000)
    wait_for_the_page_to_load(page)
    ask(page, "三公经费是多少？")
    ask(page, "其中公务接待费呢？")
    page.locator("#copy-panel").get_by_text("复制答案及出处").click()
    page.locator("#copy-text button").first.click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "深圳市社会保险基金管理局罗湖分局2022年部门预算" in copied       # the disclosure's name
    assert "三公经费是多少？" in copied and "其中公务接待费呢？" in copied   # both turns, in order
    assert copied.index("三公经费是多少？") < copied.index("其中公务接待费呢？")
    assert "来源：表8" in copied and "公务接待费" in copied.split("其中公务接待费呢？")[1]
    context.close()
