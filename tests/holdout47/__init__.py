"""Tests of the holdout 47 fixtures."""
