"""Render stage: the core's result formatted into files. Renderers format; they never compute."""
