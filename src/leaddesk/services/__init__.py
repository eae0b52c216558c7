"""Use cases: each takes a Session (the caller owns the transaction) and returns plain data."""
