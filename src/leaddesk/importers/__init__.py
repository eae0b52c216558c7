"""Importers: one module per source format, turning a file into drafts. No DB, no Qt."""
