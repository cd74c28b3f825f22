"""``python -m kit.workshop warm``: fill the workshop's caches (see :func:`kit.workshop.warm`)."""

from __future__ import annotations

import sys
import time

from ._warm import warm

__all__: list[str] = []


def _main(argv: list[str]) -> int:
    if argv and argv[0] not in ("warm",):
        print("usage: python -m kit.workshop [warm]", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    warm()
    print(f"workshop caches warm ({time.perf_counter() - t0:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
