"""Holdout 43 tests."""
