"""Performance benchmark of the site (docs/performance.md): `make bench`."""
