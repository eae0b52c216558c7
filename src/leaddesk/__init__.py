"""LeadDesk: the sales desk's inquiry log across WhatsApp, WeChat, email and the site form."""

__version__ = "0.1.0"
