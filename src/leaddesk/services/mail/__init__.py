"""Live mail: IMAP accounts, and their INBOX and Sent folders synced into the desk."""
