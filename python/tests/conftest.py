"""Shared fixtures. The tests import the installed wheel, never the sources."""

import pathlib

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def repo() -> pathlib.Path:
    return REPO


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (REPO / "examples" / "antalya-2017.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed(seed_text):
    import vigie

    return vigie.extract(seed_text)
