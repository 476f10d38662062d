"""SQLModel tables, the engine, transactions, and the UTC timestamp type."""
