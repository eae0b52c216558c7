"""Dialogs: log an inquiry, import files."""
