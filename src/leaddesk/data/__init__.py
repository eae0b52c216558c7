"""Data shipped with LeadDesk: the site sitemap for the demo, self-test files."""
