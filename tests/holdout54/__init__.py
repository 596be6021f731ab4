"""Holdout 54 tests."""
