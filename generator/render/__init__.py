"""Render stage: the core's result formatted into files. Renderers format; they never compute."""


class TemplateError(Exception):
    """A template (Word or spreadsheet layout) is missing or cannot be filled.

    The message is Indonesian and names the template; the CLI shows it with exit status 1.
    """


class TemplateCheckError(TemplateError):
    """An agency's templates folder has errors (`lkjip templates check`): `lines` lists them
    with their places. The CLI shows them with exit status 2."""

    def __init__(self, lines: list[str]):
        super().__init__("\n".join(lines))
        self.lines = lines
