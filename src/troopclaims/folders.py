"""Where troopclaims keeps files of its own: the cache folder (result cache, gazetteer index)."""
from __future__ import annotations

import os
from pathlib import Path

ENV = "TROOPCLAIMS_CACHE"


def cache_dir() -> Path:
    """Return the cache folder: $TROOPCLAIMS_CACHE, else the user's cache folder (platformdirs)."""
    if os.environ.get(ENV):
        return Path(os.environ[ENV])
    import platformdirs

    return Path(platformdirs.user_cache_dir("troopclaims", appauthor=False))
