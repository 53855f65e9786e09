"""Tests for the load, Lighthouse and audit tooling (bench/load/, scripts/audit)."""
