"""Qt item models over the services' plain data."""
