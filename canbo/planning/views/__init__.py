"""The planning pages under /quy-hoach/."""
