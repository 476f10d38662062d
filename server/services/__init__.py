"""Business rules. Functions take a connection and keyword arguments, raise domain errors,
and never commit: whoever opened the transaction commits it."""
