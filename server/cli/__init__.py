"""The `flowrun` command."""
