"""Statements: the figures the narrative states ("公用支出 492 万元，比 2021 年增加 12 万元").

`figures.text_records` reads each section's sentences and hands on one `Record` per
stated amount, count, change, rate or share, labelled by `figure_labels` with the noun
phrase it is about and cited by its section path and line.
"""
