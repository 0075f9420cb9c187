"""The self-check over time (issue 23): the picture of change, one self-check, its choices, its Today card.

For other parts of the app (the follow-up check-up walk):
- `form.SelfCheckForm()` is a screen to push; it asks the areas one at a time and
  dismisses with the saved `models.selfcheck.SelfCheck`, or None when left unsaved.
  `SelfCheckForm(who=CONTACT)` asks the contact person beside the person (together mode).
- `screen.SelfCheckScreen()` shows the picture of change per area.
- `models.selfcheck.due(days, months, today, not_now)` says whether one is due.
"""
