from .base import *  # noqa: F403
from .base import env

# DEBUG is off unless asked for, so the demo shows the site's own Vietnamese error pages (404, 500) as production
# does; WhiteNoise serves /static/ from the source folders (base settings), so runserver needs no DEBUG for them.
# DJANGO_DEBUG=true brings back Django's debug pages.
DEBUG = env.bool("DJANGO_DEBUG", default=False)
