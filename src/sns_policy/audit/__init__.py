"""`sns-policy report`: the audit report a section attaches to a 決裁 or an auditor files.

record (the checked accounts as the report's sections: cover, summaries, each account) →
html (one page of A4 print CSS, from the same template the PDF prints) · pdf (that HTML
printed by headless Chromium, Japanese fonts embedded) · xlsx (a summary sheet and one row
per finding and per review item, with filters).
"""
