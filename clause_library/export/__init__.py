"""Downloadable forms of a sample contract: plain text and Word, from one outline."""
