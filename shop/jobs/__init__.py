"""Background jobs seen from the admin: jobs that failed for good, recorded for staff to look at."""
