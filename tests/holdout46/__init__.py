"""Holdout 46 fixture tests."""
