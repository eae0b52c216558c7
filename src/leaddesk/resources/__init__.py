"""Runtime files shipped in the wheel: compiled translations, icons."""
