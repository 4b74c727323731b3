"""jieba's dictionary read word by word from SQLite instead of loaded whole.

jieba keeps its dictionary as one dict of about 500,000 words and prefixes,
loaded from a marshal cache at the first cut: 1.3 s of a cold `budgetqa ask`
that then cuts one short question. A cut only looks up the pieces of its own
text, so the same frequencies are kept in an SQLite file (built once per
machine from jieba's own dictionary with jieba's own code) and looked up as
the cut asks for them. Cuts are the same as with the loaded dictionary
(tests/test_word_dictionary.py compares them).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
import threading
from collections.abc import Iterator, MutableMapping
from pathlib import Path

# Rows per INSERT batch while building the file (memory stays small, the build stays one transaction).
_BUILD_BATCH = 50_000
_MISSING = object()


class StoredFrequencies(MutableMapping):
    """word → frequency (0 for a prefix of a word), read from the SQLite file on demand.

    Words added at run time (`jieba.add_word`) live in memory over the file's.
    Lookups are remembered: a process cuts the same pieces again and again.
    """

    def __init__(self, path: Path) -> None:
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()  # one connection shared by the web app's threads
        self._known: dict[str, int | None] = {}
        self.total = int(self._db.execute("SELECT value FROM meta WHERE key = 'total'").fetchone()[0])

    def _lookup(self, word: str) -> int | None:
        found = self._known.get(word, _MISSING)
        if found is _MISSING:
            with self._lock:
                row = self._db.execute("SELECT n FROM freq WHERE word = ?", (word,)).fetchone()
            found = self._known[word] = None if row is None else row[0]
        return found  # type: ignore[return-value]

    def __getitem__(self, word: str) -> int:
        found = self._lookup(word)
        if found is None:
            raise KeyError(word)
        return found

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._lookup(word) is not None

    def get(self, word: str, default=None):  # noqa: ANN001, ANN201 - dict.get's signature
        found = self._lookup(word)
        return default if found is None else found

    def __setitem__(self, word: str, frequency: int) -> None:
        self._known[word] = frequency

    def __delitem__(self, word: str) -> None:
        self._known[word] = None

    def __iter__(self) -> Iterator[str]:
        raise TypeError("the stored dictionary is looked up word by word, not listed")

    def __len__(self) -> int:
        with self._lock:
            return self._db.execute("SELECT COUNT(*) FROM freq").fetchone()[0]


def cache_dir() -> Path:
    """Where the built file is kept: $BUDGETQA_CACHE, else ~/.cache/budgetqa, else the temp directory."""
    chosen = os.environ.get("BUDGETQA_CACHE") or os.path.join(os.path.expanduser("~"), ".cache", "budgetqa")
    try:
        Path(chosen).mkdir(parents=True, exist_ok=True)
        return Path(chosen)
    except OSError:
        return Path(tempfile.gettempdir())


def stored_dictionary(tokenizer) -> Path:  # noqa: ANN001 - a jieba.Tokenizer
    """The SQLite file of `tokenizer`'s dictionary, built now if this machine has none for it."""
    with tokenizer.get_dict_file() as handle:
        source = Path(handle.name)
    stat = source.stat()
    key = hashlib.sha256(f"{source.resolve()}|{stat.st_size}|{stat.st_mtime_ns}".encode()).hexdigest()[:16]
    path = cache_dir() / f"jieba-{key}.sqlite"
    if not path.exists():
        _build(tokenizer, path)
    return path


def _build(tokenizer, path: Path) -> None:  # noqa: ANN001 - a jieba.Tokenizer
    """Write the prefix dictionary jieba would load (its own `gen_pfdict`) to `path`, atomically."""
    frequencies, total = tokenizer.gen_pfdict(tokenizer.get_dict_file())
    handle, building = tempfile.mkstemp(dir=path.parent, suffix=".building")
    os.close(handle)
    try:
        with sqlite3.connect(building) as db:
            db.execute("CREATE TABLE freq (word TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID")
            db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            db.execute("INSERT INTO meta VALUES ('total', ?)", (str(total),))
            items = list(frequencies.items())
            for start in range(0, len(items), _BUILD_BATCH):
                db.executemany("INSERT INTO freq VALUES (?, ?)", items[start:start + _BUILD_BATCH])
        db.close()
        os.replace(building, path)  # another process building the same file at once writes the same rows
    finally:
        if os.path.exists(building):
            os.unlink(building)


def use_stored_dictionary(tokenizer) -> None:  # noqa: ANN001 - a jieba.Tokenizer
    """Make `tokenizer` look its words up in the stored file instead of loading its dictionary.

    Falls back to jieba's own loading when the file cannot be built or opened (a read-only
    machine without a writable cache): slower, the same cuts.
    """
    with tokenizer.lock:
        if tokenizer.initialized:
            return
        try:
            frequencies = StoredFrequencies(stored_dictionary(tokenizer))
        except (OSError, sqlite3.Error):
            return
        tokenizer.FREQ = frequencies
        tokenizer.total = frequencies.total
        tokenizer.initialized = True
