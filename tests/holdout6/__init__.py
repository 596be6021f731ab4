"""Tests of the holdout 6 fixtures."""
