"""The benchmark behind ``scripts/bench.py`` and ``botlens bench`` (issue 8): in process, over HTTP, in the browser."""
