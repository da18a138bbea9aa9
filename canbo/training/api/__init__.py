"""REST API of training and fostering (/api/v1/...): thin doors over canbo.training.services and selectors.

Reads are scoped by the selectors (outside the user's units → 404); writes are one service call each (wrong
role → 403, bad input → 400 with Vietnamese field messages, stale version → 409).
"""
