"""The demo province: a deterministic model of Điện Biên (seed 001) for `manage.py load_demo`.

An app without models, for its commands `load_demo` and `demo_logins`. `builder.build_demo` writes everything
in one transaction: the organisation tree and the 2025 merge events (geography.py, orgtree.py); careers from 2004 to 2025 with the
reform of 01/07/2025 (careers.py, reform.py, dates.py); dated qualifications on every scale, planned so that seed
001's changes since 2015 come out exactly (levels.py, qualifications.py); persons with names of a mountain
province (persons.py, names.py); one demo user per role (users.py). fastinsert.py writes the bulk rows.
"""

DEFAULT_SCALE = 25_944  # persons employed on 31/12/2019 (seed 001)
DEFAULT_SEED = 2019
