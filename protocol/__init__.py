"""Talentverbund wire protocol: .proto sources, generated code, serde."""
