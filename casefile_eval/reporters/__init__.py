"""Output formats, one module each, all rendering the same `Report` record.

Every format module has a `Writer` fed one `CaseResult` at a time (a batch streams through it) and a
`render(report, out, sheet=None)`. `xlsx` writes bytes; `html` can also write a folder (`DirWriter`).
`reporters.output.open_writer` picks the writer for a format and a destination.
"""
