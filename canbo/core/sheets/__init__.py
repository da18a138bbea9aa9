"""The Excel toolkit every upload shares (the register's import, a class's results, the salary sheet): the
streaming .xlsx reader with its limits (`xlsx`), cell values to Python values with Vietnamese messages (`cells`),
the column spec's building blocks and header matching (`columns`), the file-level checks, upload storage and row
errors (`files`) and the upload form (`forms`). It knows no domain app: each app writes its own columns with it."""
