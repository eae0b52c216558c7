"""The window's parts: navigation, detail pane, empty state."""
