"""The Python API (`import troopclaims`): the README's example runs, records become tables, the import is light."""
import contextlib
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

import troopclaims

README = Path(__file__).resolve().parents[1] / "README.md"


def readme_example() -> str:
    section = README.read_text(encoding="utf-8").split("## Python API", 1)[1]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def test_the_readme_example_runs_and_prints_what_it_says(monkeypatch):
    monkeypatch.setenv("TROOPCLAIMS_MODEL", "blank")     # the rules alone give the same first fact, fast
    code = readme_example()
    try:
        import pandas  # noqa: F401
    except ImportError:      # pandas is no dependency: run everything but the lines that need it
        code = "\n".join(line for line in code.splitlines() if "pandas" not in line)
    printed = io.StringIO()
    namespace: dict = {}
    with contextlib.redirect_stdout(printed):
        exec(compile(code, "README.md (Python API)", "exec"), namespace)
    expected = re.search(r"print\(.*\)\s+# (.*)", code).group(1)
    assert printed.getvalue().strip() == expected
    assert all(claim.to_dict()["source"] in ("wire", "daily") for claim in namespace["claims"])
    if "table" in namespace:
        assert list(namespace["table"].columns)[:3] == ["source", "published", "kind"]


def test_records_are_plain_dicts_for_a_data_frame():
    claims = troopclaims.extract_texts(["Some 2,000 marines landed on Monday."], published="2030-01-02",
                                       model="blank", warn=lambda message: None)
    rows = [claim.to_dict() for claim in claims]
    assert [(row["source"], row["kind"], row["value"]) for row in rows] == [("1", "quantity", 2000),
                                                                           ("1", "date", "2029-12-31")]
    facts = troopclaims.compare_claims(claims)
    assert all(isinstance(fact.to_dict()["claims"], list) for fact in facts)


def test_articles_rules_and_record_types(tmp_path):
    (tmp_path / "a.txt").write_text("About 300 legionnaires arrived.", encoding="utf-8")
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "quantities.yaml").write_text("units:\n  troops: [legionnaire, legionnaires]\n")
    articles = troopclaims.read_articles(str(tmp_path / "a.txt"))
    assert isinstance(articles[0], troopclaims.Article)
    claims = troopclaims.extract_articles(articles, rules=str(tmp_path / "rules"), model="blank",
                                          warn=lambda message: None)
    assert [(claim.unit, type(claim).__name__) for claim in claims] == [("troops", "Claim")]


def test_a_bad_published_date_is_an_error():
    from troopclaims.errors import InputError

    with pytest.raises(InputError, match="YYYY-MM-DD"):
        troopclaims.extract_texts(["x"], published="yesterday", model="blank")


def test_import_troopclaims_does_not_load_spacy_or_click():
    code = "import sys, troopclaims; print(sorted(m for m in ('spacy', 'click', 'yaml') if m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "[]"
