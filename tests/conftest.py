"""Shared fixtures: the rules and the pipelines, each loaded once per test session."""
from __future__ import annotations

import os
import tempfile

import pytest

from troopclaims.pipeline import choose_model, load_pipeline
from troopclaims.records import Article
from troopclaims.rules import load_rules


# Never the user's cache, and never a cache warm from an earlier run: results must not depend on one.
os.environ["TROOPCLAIMS_CACHE"] = tempfile.mkdtemp(prefix="troopclaims-test-cache-")


@pytest.fixture(autouse=True)
def cold_cache(tmp_path_factory, monkeypatch):
    """Give every test a cache folder of its own, empty at the start."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("TROOPCLAIMS_CACHE", str(folder))
    return folder


@pytest.fixture(scope="session")
def rules():
    """The default rules."""
    return load_rules()


@pytest.fixture(scope="session")
def blank_nlp():
    """spacy.blank("en") with a sentencizer: rules only, fast."""
    return load_pipeline("blank")


@pytest.fixture(scope="session")
def model_nlp():
    """The statistical English pipeline (tests that use it are marked `model`)."""
    return load_pipeline(choose_model())


@pytest.fixture
def article():
    """Return a factory for an Article from text, published 2024-10-25 unless told otherwise."""
    def make(text: str, published: str | None = "2024-10-25", source: str = "test.txt") -> Article:
        return Article(source, text, published)
    return make


@pytest.fixture
def many_articles():
    """Return a factory for n short articles of our own, different enough that order mistakes show."""
    def make(n: int) -> list[Article]:
        towns = ["Arlen", "Brisk", "Colm", "Dorn", "Eske"]
        return [Article(f"a{i:03}.txt", f"Officials said {100 + i} people were evacuated from {towns[i % 5]} on "
                                        f"Monday. By Friday, about {2 * i + 3} families had returned.", "2030-05-10")
                for i in range(n)]
    return make
