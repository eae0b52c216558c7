"""Errors a person sees as one line: what went wrong and where."""


class LeadDeskError(Exception):
    """An expected failure with a message fit for the user."""


class DatabaseError(LeadDeskError):
    """The database cannot be opened, is foreign, too new, locked or damaged."""


class ConflictError(LeadDeskError):
    """Someone else saved the same record since it was read."""


class NotFoundError(LeadDeskError):
    """A contact, inquiry, follow-up or article that does not exist."""


class InvalidInputError(LeadDeskError):
    """Input that breaks a rule (a lost stage without a reason, an unknown channel...)."""


class FieldError(InvalidInputError):
    """Input that breaks a rule in one named field (`field`: the option's name, e.g.
    `imap`): the command line says it as `--imap ...`, a form beside the field's label."""

    def __init__(self, field: str, problem: str, message: str | None = None) -> None:
        super().__init__(message or f"--{field.replace('_', '-')} {problem}")
        self.field, self.problem = field, problem
