"""Performance benchmark of the site (README, "Performance"): `make bench`."""
