"""The package version, kept apart so that low-level modules can read it without importing the API."""

VERSION = "0.1.0"
