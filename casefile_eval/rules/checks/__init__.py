"""The built-in checks; importing this package registers them."""

from casefile_eval.rules.checks import (
    amounts,
    archive,
    basis,
    citations,
    consistency,
    content,
    deadlines,
    documents,
    marks,
    officer_ink,
    officers,
    plates,
    quantities,
    remedy,
    served_order,
    signing_order,
)

__all__ = [
    "amounts",
    "archive",
    "basis",
    "citations",
    "consistency",
    "content",
    "deadlines",
    "documents",
    "marks",
    "officer_ink",
    "officers",
    "plates",
    "quantities",
    "remedy",
    "served_order",
    "signing_order",
]
