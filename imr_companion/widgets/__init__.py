"""Reusable drawing pieces."""
