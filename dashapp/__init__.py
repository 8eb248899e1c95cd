"""Servicekartan's Dash app: layout, callbacks and presentation of model results."""
