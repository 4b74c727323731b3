"""ingest/tables/cell_units.py: a figure's unit from its row label and column name, not always the table's."""

from ingest.tables.cell_units import align_names, cell_units, column_unit, header_stretch, row_unit


def test_a_count_unit_at_the_end_of_a_row_label():
    assert row_unit("4.公务用车保有量(辆)") == "辆"
    assert row_unit("公务接待人数（人次）") == "人次"
    assert row_unit("因公出国(境)费用") == ""  # "(境)" is no unit
    assert row_unit("其中:(1)公务用车运行维护费") == ""


def test_columns_of_points_rates_and_money():
    assert column_unit("权重", "万元") == "分" and column_unit("得分", "万元") == "分"
    assert column_unit("预算执行率", "万元") == "%"
    assert column_unit("年初预算", "万元", performance=True) == "万元"
    assert column_unit("未完成原因分析", "万元", performance=True) == ""  # named, not about money
    assert column_unit("列3", "万元", performance=True) == "万元"  # unknown column: as before
    assert column_unit("公务接待费", "万元") == "万元"  # outside 绩效 tables any column is money


def test_an_indicator_takes_the_rows_measure_unit():
    names = ("指标性质", "指标值", "度量单位", "完成值", "权重")
    assert cell_units("发放(缴纳)覆盖率", names, ("=", "100", "%", "", "60"), "万元", True) == \
        ("", "%", "", "%", "分")
    # no 度量单位 column: the unit printed with the target ("≤90万元") holds for the actual value
    names = ("年度指标值", "实际完成值", "分值", "得分")
    assert cell_units("项目总成本", names, ("≤90万元", "90", "8", "8"), "万元", True)[1:] == ("万元", "分", "分")


def test_the_last_run_of_column_names_in_a_header_block():
    block = ["项目实施内容及过程概述", "预算执行情况(10分)", "年度预算数(万元)", "年初预算", "调整后预算数",
             "预算执行数", "预算执行率", "权重", "得分", "原因"]
    assert header_stretch(block) == ("年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", "原因")
    assert header_stretch(["项目名称", "主管部门"]) == ()


def test_single_spaced_values_fill_money_columns_from_the_left_and_indicators_from_the_right():
    money = ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")
    assert align_names(money, 3) == ("年初预算数", "全年预算数", "全年执行数")
    indicators = ("年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施")
    assert align_names(indicators, 2) == ("分值", "得分")
    assert align_names(indicators, 3) == ("实际完成值", "分值", "得分")
