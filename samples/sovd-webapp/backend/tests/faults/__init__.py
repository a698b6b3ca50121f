"""A test build of the backend with injected faults, under tests/: no image copies it."""
