"""Servicekartan's core: data, travel times and the covering model, free of any UI code."""
