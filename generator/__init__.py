"""LKjIP generator: one input workbook in, the Word draft and finance spreadsheets out."""

import os as _os

# pydantic looks for plugins by scanning every installed distribution's entry points the
# first time a model is built (a noticeable part of start-up); the project uses none.
_os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

__version__ = "0.1.0"
