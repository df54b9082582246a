"""Render stage: the core's result formatted into files. Renderers format; they never compute."""


class TemplateError(Exception):
    """A template (Word or spreadsheet layout) is missing or cannot be filled.

    The message is Indonesian and names the template; the CLI shows it with exit status 1.
    """
