"""Talentverbund node: storage, intake, command line, server."""
