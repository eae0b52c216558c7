"""Reports: queries to rows, and the CSV, XLSX and PDF writers. No Qt."""
