"""What people read: minutes, task reports, the static site, the calendar, reminders."""
