"""Holdout 51 tests."""
