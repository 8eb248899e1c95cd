"""Dash callbacks, one module per step of the flow."""
