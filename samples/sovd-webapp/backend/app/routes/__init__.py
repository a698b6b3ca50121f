"""HTTP routers, each built around the services it needs."""
