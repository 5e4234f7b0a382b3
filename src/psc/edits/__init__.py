"""Changes psc writes into meeting files: task statuses, approvals, new meetings."""
