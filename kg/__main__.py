"""``python -m kg`` is ``kg``."""

import sys

from .cli import main

sys.exit(main())
