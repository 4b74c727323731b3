"""index: persists Documents (SQLite records, Chroma passages, BM25) and retrieves from them."""
