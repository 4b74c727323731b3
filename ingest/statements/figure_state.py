"""What the reading of a section's figures carries along: the section's context and the current sentence's
figures read so far."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ingest.model import Document, Section


@dataclass
class Context:
    """What the sentences of a section share: who is speaking of what, and since when."""

    document: Document
    aliases: tuple[str, ...]
    section: Section
    subject: str
    line: int = 0
    base: str = ""  # last base period named in the paragraph
    project: str = ""  # 第七部分 row: the project the targets belong to
    in_targets: bool = False
    target_unit: str = ""
    item: str = ""  # the budget item the previous paragraph stated ("代表履职补贴")
    stated: list[str] = field(default_factory=list)  # labels of this paragraph's earlier sentences
    rated: str = ""  # the label the paragraph's last sentence gave a change rate and no amount of change
    previous: str = ""  # the first amount's label of the paragraph's last sentence that stated one


@dataclass
class Sentence:
    """Figures already read in the current sentence."""

    text: str
    labels: list[str] = field(default_factory=list)  # labels of amounts/counts, in order
    kinds: list[str] = field(default_factory=list)  # "money" or "count", one per label
    changed: list[str] = field(default_factory=list)  # labels already given a change
    last_label: str = ""
    last_base: str = ""
    subject: str = ""  # last label that is not relative to another ("公务接待费支出")
    last_is_part: bool = False  # the last figure was a part ("其中年初结转和结余0万元")
    lead: str = ""  # the text between the previous figure (or the sentence's start) and this one
    completion: str = ""  # "…支出决算完成预算": what "完成预算 27 万元的 63.2%" completes
    periods: list[str] = field(default_factory=list)  # the years of its amounts and counts, in order
    parts_stage: str = ""  # "预算" after "…经费预算为168.53万元,其中:": its parts are budget figures too

    def copy(self) -> Sentence:
        return replace(self, labels=list(self.labels), kinds=list(self.kinds), changed=list(self.changed),
                       periods=list(self.periods))

    def restore(self, before: Sentence) -> None:
        """Forget the figures read since `before` was copied (they were inside brackets)."""
        self.labels, self.kinds, self.changed, self.periods = before.labels, before.kinds, before.changed, before.periods
        self.last_label, self.last_base, self.subject = before.last_label, before.last_base, before.subject
        self.last_is_part = before.last_is_part
