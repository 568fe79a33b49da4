"""The account register a 広報課 keeps in Excel (SNSアカウント一覧・台帳): read into manifests
(`import`) and written back with each account's verdict (`export`).

columns (which heading is which manifest field, and how its values read) → sheet (the
cells of an .xlsx or .csv, the header row found) → rows (a row into manifest fields, with
located problems) → merge (into a new or existing manifest, round-trip) ; export.
"""
