"""`python -m ruff …` → `node tools/ruff-wasm/ruff.mjs …`: same arguments, same exit status."""

import os
import shutil
import sys

SCRIPT = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "ruff.mjs")


def main() -> None:
    node = shutil.which("node")
    if node is None:
        sys.exit("ruff: node is not on PATH; the WebAssembly ruff needs Node.js (or install ruff from PyPI)")
    os.execv(node, [node, SCRIPT, *sys.argv[1:]])


if __name__ == "__main__":
    main()
