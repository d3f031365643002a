"""Instructor and learner tooling around nbgrader: release, self-check, class grading."""
