"""Output formats, one module each, all rendering the same `Report` record."""
