"""The unit vocabulary of the disclosures: money units, count units, units printed in cells.

One place for every list of units the parser and the assistant compare against.
"""

from __future__ import annotations

MONEY_UNITS = ("亿元", "万元", "元")
# A money figure times its factor is in 元.
MONEY_FACTORS = {"元": 1.0, "万元": 1e4, "亿元": 1e8}
# Units of things counted (staff, vehicles, items): a table figure in one of them is a count.
COUNT_UNITS = ("人", "辆", "个", "件", "次", "批", "人次", "户", "台（套）", "台", "套", "家", "项", "天")
# Units a table cell may print after its number ("≥3600 件", "6 %"); a longer unit comes
# before its prefix ("台（套）" before "台") because they are tried in this order.
CELL_UNITS = ("台（套）", "台(套)", "人次", "万元", "元", "件", "次", "人", "个", "辆", "批", "户",
              "天", "家", "项", "套", "台", "%", "％")
