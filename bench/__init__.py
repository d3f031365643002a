"""Benchmarks: how fast the course runs, draws and grades (`make bench`)."""
