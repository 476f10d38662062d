"""Write or check schema.graphql, the SDL generated from the code.

    python -m server.graphql.export schema.graphql          # write
    python -m server.graphql.export schema.graphql --check  # exit 1 when stale
"""

from __future__ import annotations

import sys
from pathlib import Path

from .schema import build_schema


def main(argv: list[str]) -> int:
    path = Path(argv[0] if argv else "schema.graphql")
    sdl = build_schema().as_str().rstrip() + "\n"
    if "--check" in argv:
        if not path.exists() or path.read_text() != sdl:
            print(f"{path} is stale: run `make schema` and commit it", file=sys.stderr)
            return 1
        print(f"{path} is up to date")
        return 0
    path.write_text(sdl)
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
