"""assistant: a question becomes an Answer, from records and passages; also the CLI."""
