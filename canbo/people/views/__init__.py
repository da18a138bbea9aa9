"""HTML pages of the personnel register: thin views over canbo.people.selectors and services."""
