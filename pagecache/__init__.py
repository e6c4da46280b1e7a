"""Whole-page cache for anonymous visitors (docs/performance.md)."""
