"""Rule files: strict loading with file and line in every error, and user folders over the defaults."""
import pytest

from troopclaims.errors import RulesError
from troopclaims.rules import load_rules


def user_rules(tmp_path, name, text):
    (tmp_path / name).write_text(text, encoding="utf-8")
    return load_rules([tmp_path])


def test_default_rules_load_and_compile(rules):
    assert rules.lexicon("quantities").units[("soldiers",)] == "troops"
    assert rules.lexicon("quantities").units[("officers",)] == "officers"
    assert rules.lexicon("aspects").aspect_of("stationed") == "deployed"


def test_user_rules_add_to_the_defaults(tmp_path):
    rules = user_rules(tmp_path, "quantities.yaml", "units:\n  troops: [legionnaire, legionnaires]\n"
                                                    "  sheep: [sheep, ewes]\n")
    units = rules.lexicon("quantities").units
    assert units[("legionnaires",)] == "troops" and units[("ewes",)] == "sheep" and units[("soldiers",)] == "troops"


def test_user_rules_extend_a_list(tmp_path):
    rules = user_rules(tmp_path, "aspects.yaml", "aspects:\n  killed: [slaughter]\n")
    lexicon = rules.lexicon("aspects")
    assert lexicon.aspect_of("slaughtered") == "killed" and lexicon.aspect_of("killed") == "killed"


def test_a_copy_of_the_default_rules_folder_is_fine_and_changes_nothing(tmp_path):
    import shutil

    from troopclaims.rules import default_rules_dir
    from troopclaims.ruleset import check_folder

    shutil.copytree(default_rules_dir(), tmp_path / "mine")
    assert check_folder(tmp_path / "mine") == []
    copied, defaults = load_rules([tmp_path / "mine"]), load_rules([])
    for name in ("numbers", "dates", "speakers", "quantities"):
        assert copied.section(name) == defaults.section(name)


def test_a_users_range_replaces_the_defaults_range(tmp_path):
    rules = user_rules(tmp_path, "dates.yaml", "seasons:\n  summer: [5, 9]\n")
    assert list(rules.section("dates")["seasons"]["summer"]) == [5, 9]


@pytest.mark.parametrize("text", ["units:\n  formations: [forces]\n", "units:\n  troops: [officers]\n"])
def test_user_rules_move_a_word_to_another_unit(tmp_path, text):
    units = user_rules(tmp_path, "quantities.yaml", text).lexicon("quantities").units
    moved = "formations" if "formations" in text else "troops"
    word = ("forces",) if moved == "formations" else ("officers",)
    assert units[word] == moved and units[("soldiers",)] == "troops"


def test_user_rules_move_a_word_to_another_aspect(tmp_path):
    lexicon = user_rules(tmp_path, "aspects.yaml", "aspects:\n  killed: [fight]\n").lexicon("aspects")
    assert lexicon.aspect_of("fighting") == "killed" and lexicon.aspect_of("deployed") == "deployed"


@pytest.mark.parametrize("name, text, message", [
    ("quantities.yaml", "units:\n  troops: [a, b\n", "quantities.yaml:3: broken YAML"),
    ("quantities.yaml", "units: {}\ncolours: [red]\n", "quantities.yaml:2: unknown key 'colours'"),
    ("quantities.yaml", "units:\n  troops: legion\n", "quantities.yaml:2: unit 'troops' must be a list of words"),
    ("aspects.yaml", "aspects:\n  killed: [die]\n  killed: [perish]\n", "aspects.yaml:3: duplicate key 'killed'"),
    ("colours.yaml", "red: 1\n", "colours.yaml: unknown rule file"),
    ("aspects.yaml", "falls: [deployed]\n", "aspects.yaml:1: falls must list aspects of cumulative"),
])
def test_broken_rules_name_file_and_line(tmp_path, name, text, message):
    with pytest.raises(RulesError, match=message.replace("(", r"\(").replace("[", r"\[")):
        rules = user_rules(tmp_path, name, text)
        rules.lexicon("quantities")
        rules.lexicon("aspects")


def test_missing_rules_folder_is_an_error(tmp_path):
    with pytest.raises(RulesError, match="rules folder not found"):
        load_rules([tmp_path / "nowhere"])


@pytest.mark.parametrize("name, text", [
    ("places.yaml", "import: 7\n"), ("places.yaml", "countries: [a, b]\n"), ("speakers.yaml", "speakers: 5\n"),
    ("dates.yaml", "months: [1, 2]\n"), ("numbers.yaml", "vague: [thousands]\n"), ("hedges.yaml", "hedges: [x]\n"),
    ("attribution.yaml", "verbs: 3\n"), ("quantities.yaml", "members: [a]\n"), ("aspects.yaml", "states: [nowhere]\n"),
])
def test_a_rule_value_of_the_wrong_shape_is_an_error_naming_the_file(tmp_path, name, text):
    from troopclaims.run.claims import claims_in
    from troopclaims.pipeline import load_pipeline
    from troopclaims.records import Article

    rules = user_rules(tmp_path, name, text)
    with pytest.raises(RulesError, match=name):
        claims_in(load_pipeline("blank")("About 300 soldiers arrived on Friday."),
                  Article("a", "About 300 soldiers arrived on Friday.", "2030-01-04"), rules, ("quantity", "date"))
