"""The desktop window: the only package that imports QtWidgets. It calls services, never SQL."""
