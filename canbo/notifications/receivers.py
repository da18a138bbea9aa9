"""Hooks on lower layers' events: accounts announces role assignment steps, the board gets a notification."""

from .services import account_change_notify, role_change_notify


def role_assignment_changed_notify(sender, *, assignment, action, actor, **kwargs):
    role_change_notify(assignment=assignment, action=action, actor=actor)


def account_changed_notify(sender, *, change, action, actor, **kwargs):
    account_change_notify(change=change, action=action, actor=actor)
