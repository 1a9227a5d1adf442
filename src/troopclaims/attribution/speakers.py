"""Speaker names: canonical names and aliases from rules/speakers.yaml, and the cleaning of a name found in text."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from troopclaims.errors import RulesError
from troopclaims.rules import check_keys, location

KINDS = ("person", "country", "organisation", "group", "outlet")
SEXES = ("m", "f")           # the sexes a title may tell (title_sexes)
# Head words that make an unknown capitalised name an organisation rather than a person.
_ORG_HEADS = frozenset("""committee agency ministry office council department directorate institute service news
times post journal party campaign administration government house court command staff forces army navy union
bureau commission foundation network press tv television radio newspaper agency group organization organisation
center centre association alliance embassy parliament congress senate assembly""".split())
_DETERMINERS = ("the ", "a ", "an ")


def phrase_regex(phrases) -> re.Pattern | None:
    """Return one case-insensitive pattern for whole-word phrases, longest first (None for no phrases)."""
    parts = []
    for phrase in sorted(set(phrases), key=lambda p: -len(p)):
        words = [re.escape(w).replace("'", "['’]") for w in phrase.split()]
        parts.append(r"\s+".join(words))
    if not parts:
        return None
    return re.compile(r"(?<![\w'’])(?:" + "|".join(parts) + r")(?![\w’]|'\w)", re.I)


def normalise(text: str) -> str:
    """Return text in the form names are compared in: lower case, straight apostrophes, single spaces."""
    text = text.replace("’", "'").replace("‘", "'").replace("\u00a0", " ")
    return " ".join(text.lower().split())


@dataclass(frozen=True)
class Speaker:
    """Who a mention names: the canonical name, its kind, and whether it is plural."""

    name: str
    kind: str | None = None
    plural: bool = False


@dataclass(frozen=True)
class SpeakerBook:
    """The compiled speakers.yaml: alias -> canonical name, kinds, owner adjectives and titles."""

    aliases: dict        # normalised alias -> canonical name
    kinds: dict          # canonical name -> kind
    adjectives: dict     # normalised adjective -> canonical name
    titles: tuple        # normalised titles, longest first
    pattern: re.Pattern | None = None   # every alias, to find known speakers named anywhere in a text
    title_sexes: dict = field(default_factory=dict)     # title without its full stop -> m | f: "mrs" -> f
    titled: re.Pattern | None = None    # a title of `title_sexes` and the name after it: "Mrs. Ann Vale"
    # The titles by their first word, as word lists: a mention is tried only against titles its words start.
    _titles_at: dict = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        titles_at: dict[str, list[list[str]]] = {}
        for title in self.titles:
            words = title.split()
            if words:
                titles_at.setdefault(words[0], []).append(words)
        object.__setattr__(self, "_titles_at", titles_at)

    def lookup(self, surface: str, group_nouns: frozenset = frozenset(), entity: str | None = None) -> Speaker:
        """Return the speaker a mention names: a known canonical name, else the cleaned mention itself."""
        cleaned = clean_mention(surface)
        key = _strip_the(normalise(cleaned))
        if key in self.aliases:
            return self._known(self.aliases[key])
        untitled = self._untitled(cleaned)
        if untitled != cleaned:
            key = _strip_the(normalise(untitled))
            if key in self.aliases:
                return self._known(self.aliases[key])
        tail = self._alias_at_end(normalise(untitled))
        if tail:
            return self._known(tail)
        return self._unknown(untitled, group_nouns, entity)

    def owner(self, adjective_phrase: str) -> str | None:
        """Return the canonical speaker an adjective at the start of a phrase points to ("Russian ..." -> Russia)."""
        words = normalise(adjective_phrase).split()
        for size in (2, 1):
            if len(words) >= size and " ".join(words[:size]) in self.adjectives:
                return self.adjectives[" ".join(words[:size])]
        return None

    def _known(self, name: str) -> Speaker:
        kind = self.kinds.get(name)
        return Speaker(name, kind, kind in ("group",))

    def _untitled(self, cleaned: str) -> str:
        """Return the name after the last title in the mention ("U.S. spokesman John Kirby" -> "John Kirby")."""
        words = cleaned.split()
        if not words or normalise(words[-1]) in _ORG_HEADS:
            return cleaned
        lowered = [normalise(w) for w in words]
        best = None
        for i, word in enumerate(lowered):
            for title in self._titles_at.get(word, ()):
                end = i + len(title)
                if end < len(words) and lowered[i:end] == title and words[end][:1].isupper():
                    best = end if best is None else max(best, end)
        return " ".join(words[best:]) if best is not None else cleaned

    def _alias_at_end(self, key: str) -> str | None:
        """Return the canonical name of the longest alias that ends the mention ("Ukrainian President X Zelensky")."""
        words = _strip_the(key).split()
        if "of" in words[1:]:
            words = words[:words.index("of", 1)]     # "Prosecutor General's Office of Ukraine" is an office
        for start in range(len(words)):
            tail = " ".join(words[start:])
            if tail in self.aliases and (start == 0 or words[start][:1].isalpha()) and (
                    start == 0 or len(words) - start > 1 or self._describes(words[:start])):
                return self.aliases[tail]
        return None

    def _describes(self, words: list[str]) -> bool:
        """Return True when the words before a one-word alias only describe it ("Ukrainian leader Zelensky"), so
        that the alias at the end of another name ("New York Post", "Friends of Syria") is not taken for it."""
        last = words[-1]
        return last in self.adjectives or any(title.split()[-1] == last for title in self.titles)

    def _unknown(self, name: str, group_nouns: frozenset, entity: str | None) -> Speaker:
        words = name.split()
        if not words:
            return Speaker(name)
        head = normalise(words[-1])
        if words[0].lower() == "the" or (words[0].lower() in ("a", "an") and len(words) > 1
                                         and words[1][:1].isupper()):
            words = words[1:]       # "a Daily Ledger report", "A Homeland Security Department official said"
        if words and normalise(words[0]) in group_nouns | _COMMON_STARTS and all(
                not w[:1].isupper() for w in words[1:]):
            words = [words[0].lower(), *words[1:]]    # "Experts" at the start of a sentence is a common noun
        described = next((k for k in range(1, len(words)) if all(w[:1].isupper() for w in words[k:])), None)
        if described is not None and _describes_name(words[:described], group_nouns):
            words = words[described:]   # "embattled Vale", "flood widow Tara Lund": the name without its description
        name = " ".join(words)
        if entity == "PERSON":
            return Speaker(name, "person")
        if entity in ("GPE", "LOC"):
            return Speaker(name, "country")
        if entity == "ORG":
            return Speaker(name, "organisation")
        if head in group_nouns or entity == "NORP":
            plural = (head.endswith("s") and not head.endswith("ss") or head in _PLURALS
                      or normalise(words[0]) in _MANY)
            return Speaker(name, "group" if plural else "person" if head not in _ORG_HEADS else "organisation", plural)
        if head in _ORG_HEADS:
            return Speaker(name, "organisation")
        if all(w[:1].isupper() for w in words):
            return Speaker(name, "person")
        return Speaker(name)


def _describes_name(words: list[str], group_nouns: frozenset) -> bool:
    """Return True when the words before a name describe it: they open and end lower case, with no word that links
    ("mayor of Dunmore") and no particle of a name ("de", "van"): "flood widow", "longtime Dunmore resident",
    "2019 flood widow"; not "9/11" alone ("9/11 Commission")."""
    return ((words[0].islower() or any(c.isdigit() for c in words[0])) and words[-1].isalpha() and words[-1].islower() and words[0] not in group_nouns
            and not any(w in _PARTICLES or w in _LINKS for w in words))


_LINKS = frozenset("of for in at on to from with by and or".split())     # "mayor of Dunmore" is no description
_PARTICLES = frozenset(("de", "van", "von", "da", "del", "der", "bin", "al", "la", "le", "di", "du"))
_PLURALS = frozenset(("people", "police", "personnel", "staff", "media", "military", "leadership", "public"))
_MANY = frozenset(("two", "three", "four", "five", "several", "many", "some", "both", "few", "dozens", "other"))
_COMMON_STARTS = frozenset(("new", "some", "several", "many", "two", "three", "four", "other", "senior", "top",
                            "most", "few", "both", "one"))


def _strip_the(key: str) -> str:
    return key[4:] if key.startswith("the ") else key


def clean_mention(surface: str) -> str:
    """Return a mention without surrounding punctuation, a leading "the", or a trailing possessive."""
    text = " ".join(surface.replace("’", "'").split()).strip(" ,;:\"“”()—–-")
    last = text.split()[-1] if text else ""
    if last.endswith(".") and last.count(".") == 1 and len(last) > 4:
        text = text[:-1]      # a full stop, not the point of an abbreviation such as "U.S." or "Gen."
    text = re.sub(r"^(?:the|The)\s+", "", text)
    text = re.sub(r"'s?$", "", text)
    return text


def build_book(section, rules=None) -> SpeakerBook:
    """Return the compiled speaker book of a speakers.yaml section (RulesError on any bad entry)."""
    check_keys(section, location(section, fallback="rules/speakers.yaml"), ("speakers", "titles", "title_sexes"))
    aliases: dict[str, str] = {}
    kinds: dict[str, str] = {}
    adjectives: dict[str, str] = {}
    speakers = section.get("speakers") or {}
    if not isinstance(speakers, dict):
        raise RulesError(f"{section.where('speakers')}: speakers must map a canonical name to its options")
    for name, options in speakers.items():
        where = speakers.where(name) if hasattr(speakers, "where") else "rules/speakers.yaml"
        options = options or {}
        check_keys(options, where, ("kind", "aliases", "adjectives"))
        kind = options.get("kind")
        if kind is not None and kind not in KINDS:
            raise RulesError(f"{where}: kind {kind!r} for {name!r} is not one of {', '.join(KINDS)}")
        kinds[str(name)] = kind
        for key in ("aliases", "adjectives"):
            values = options.get(key) or []
            if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
                raise RulesError(f"{where}: {key} of {name!r} must be a list of names, e.g. [Zelenskyy, Zelenskyi]")
        aliases[_strip_the(normalise(str(name)))] = str(name)
        for alias in options.get("aliases") or []:
            aliases[_strip_the(normalise(alias))] = str(name)
        for adjective in options.get("adjectives") or []:
            adjectives[normalise(adjective)] = str(name)
    titles = section.get("titles") or []
    if not isinstance(titles, list) or not all(isinstance(t, str) and t.strip() for t in titles):
        raise RulesError(f"{section.where('titles')}: titles must be a list of words such as [president, minister]")
    sexes = _title_sexes(section)       # a title that tells a sex is a title too ("Madame Vale" -> "Vale")
    every = {normalise(t) for t in titles} | set(sexes) | {f"{t}." for t in sexes}
    ordered = tuple(sorted(every, key=lambda t: -len(t)))
    return SpeakerBook(aliases, kinds, adjectives, ordered, phrase_regex(aliases), sexes, _titled(sexes))


def _title_sexes(section) -> dict[str, str]:
    """Return the `title_sexes` of speakers.yaml as title (lower case, no full stop) -> "m" | "f"."""
    table = section.get("title_sexes") or {}
    if not isinstance(table, dict):
        raise RulesError(f"{section.where('title_sexes')}: title_sexes must map a title to m or f, e.g. {{mrs: f}}")
    sexes = {}
    for title, sex in table.items():
        where = table.where(title) if hasattr(table, "where") else section.where("title_sexes")
        if sex not in SEXES or not str(title).strip(" ."):
            raise RulesError(f"{where}: the sex of title {title!r} is {sex!r}; write one of {', '.join(SEXES)}")
        sexes[normalise(str(title)).rstrip(".")] = sex
    return sexes


def _titled(sexes: dict[str, str]) -> re.Pattern | None:
    """Return the pattern of a capitalised title of `sexes` ("Mrs", "Mrs.") and the one to three capitalised words
    of the name after it."""
    if not sexes:
        return None
    titles = "|".join(re.escape(t[:1].upper() + t[1:]) for t in sorted(sexes, key=len, reverse=True))
    return re.compile(rf"\b({titles})\.?[ \t]+((?:[A-Z][\w'’-]+[ \t]+){{0,2}}[A-Z][\w'’-]+)")
