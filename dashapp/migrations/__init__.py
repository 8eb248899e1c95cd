"""Alembic migrations of the saved-scenario database (run by ``dashapp.db`` at open)."""
