"""Whole-page cache for anonymous visitors (README, "Performance")."""
