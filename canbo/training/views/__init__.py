"""HTML pages of the training module under /dao-tao/: thin views over canbo.training.selectors and services."""
