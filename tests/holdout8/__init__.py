"""Holdout 8 tests."""
