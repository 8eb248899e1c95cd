"""Build a data folder in the documented format from public source files."""
