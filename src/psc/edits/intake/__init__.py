"""`psc import`: existing minutes (.docx, .md, .txt) read into a draft meeting file."""
