"""``python -m service``: the ``newsextract`` command line."""

from service.cli import main

raise SystemExit(main())
