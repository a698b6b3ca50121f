"""Makes `python -m ruff` run ruff's WebAssembly linter (tools/ruff-wasm/ruff.mjs) where PyPI's ruff cannot be installed."""
