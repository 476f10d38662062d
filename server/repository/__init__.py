"""All SQL lives here. Functions take an AsyncConnection, only flush (never commit), and
translate database errors (unique violations) into domain errors at this boundary."""
