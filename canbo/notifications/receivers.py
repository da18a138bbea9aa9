"""Hooks on lower layers' events: accounts announces role assignment steps, the board gets a notification."""

from .services import role_change_notify


def role_assignment_changed_notify(sender, *, assignment, action, actor, **kwargs):
    role_change_notify(assignment=assignment, action=action, actor=actor)
