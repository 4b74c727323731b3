"""Test-data builders: files generated at test time from the hand-typed fixtures and the sample."""
