"""One module a migration, oldest first by revision number."""
