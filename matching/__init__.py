"""Talentverbund matching library. Imports nothing else of ours."""
