"""Reading input: folders of .txt/.md files and saved web pages, single files, or JSON Lines of articles, with
publication dates."""
from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Callable, Iterable, Iterator, TextIO

from troopclaims.errors import RulesError
from troopclaims.notes import SKIPPED
from troopclaims.reading.documents import convert_hint, not_text
from troopclaims.reading.pages import HTML_SUFFIXES, NO_ARTICLE, Page, page_text, read_page, saved_with
from troopclaims.records import Article, Claim
from troopclaims.rules import load_yaml

TEXT_SUFFIXES = (".txt", ".md")
READ_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES
MANIFEST = "sources.yaml"
FALLBACK_ENCODING = "cp1252"
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)

Warn = Callable[[str], None]
PageReader = Callable[[str], Page | None]     # a web page's markup to its article (reading.pages.read_page)


@dataclass
class ReadReport:
    """What happened to each input: how many articles were read, and what was skipped and why."""

    read: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    claims: int = 0                          # claims read as they are (compare's JSON Lines input)
    empty: int = 0                           # inputs with nothing in them (an empty pipe is no error)
    furniture: int = 0                       # articles with page furniture left out (reading.furniture)
    ids: set[str] = field(default_factory=set)
    sources: dict[str, dict] = field(default_factory=dict)   # article id -> published, outlet, url (for reports)

    def skip(self, name: str, reason: str, warn: Warn) -> None:
        self.skipped.append((name, reason))
        warn(f"{SKIPPED}{name}: {reason}")

    def summary(self) -> str:
        """Return the one-line summary printed at the end of a run."""
        parts = [f"{self.read} article{'s' * (self.read != 1)}"] if self.read or not self.claims else []
        if self.claims:
            parts.append(f"{self.claims} claim{'s' * (self.claims != 1)}")
        text = "read " + " and ".join(parts)
        if self.furniture:
            text += f" (page furniture left out of {self.furniture})"
        if self.skipped:
            text += f", skipped {len(self.skipped)} (see above)"
        return text


def parse_published(value, where: str, warn: Warn) -> str | None:
    """Return an ISO date string from a manifest or record value, or None (with a warning) when it is not one."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()[:10]
    text = str(value).strip()
    match = re.match(r"((1[89]|2[01])\d{2}-\d{2}-\d{2})(?:$|[T ])", text)    # years 1800-2199: news, not myth
    if match:
        try:
            return date.fromisoformat(match.group(1)).isoformat()
        except ValueError:
            pass
    written = _written_date(text)
    if written:
        return written
    numeric = _NUMERIC_DATE.fullmatch(text)
    if numeric and max(int(numeric.group(1)), int(numeric.group(2))) <= 12:
        warn(f"{where}: published {text!r} is ambiguous (day or month first?); write it as YYYY-MM-DD "
             "(treated as unknown)")
    else:
        warn(f"{where}: published {text!r} is not a date; write it as YYYY-MM-DD (treated as unknown)")
    return None


_NUMERIC_DATE = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-]\d{2,4}")
_YEAR = re.compile(r"\b(?:1[89]|2[01])\d{2}\b")


def _written_date(text: str) -> str | None:
    """Return the ISO day of a date written with its month's name and a year ("4 May 2027", "May 4, 2027"), else None."""
    if not _YEAR.search(text) or not re.search(r"[^\W\d_]{3}", text):
        return None               # "03/04/2027" is ambiguous, "last Friday" has no year: neither is a day
    import dateparser

    day = dateparser.parse(text, languages=["en"],
                           settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]})
    return day.date().isoformat() if day is not None and _YEAR.fullmatch(str(day.year)) else None


def read_articles(paths: Iterable[str], warn: Warn, report: ReadReport | None = None,
                  published: str | None = None, stdin: TextIO | None = None,
                  pages: PageReader = read_page) -> Iterator[Article]:
    """Yield every article in the given paths (folders, files, .jsonl, or "-" for JSON Lines on stdin).

    `published` is the date for articles that carry none of their own. Problems go to `warn` and `report`;
    one bad file never stops the others. `pages` reads a web page's markup (the cache's reader keeps its result).
    """
    report = report if report is not None else ReadReport()
    for raw in paths:
        if raw == "-":
            if stdin is None:
                raise ValueError("stdin not given")
            yield from _counted(report, _jsonl_articles(stdin, "<stdin>", warn, report, published), "<stdin>", warn)
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _counted(report, _folder_articles(path, warn, report, published, pages), raw, warn)
        elif path.is_file():
            if path.suffix.lower() == ".jsonl":
                yield from _counted(report, _jsonl_file(path, warn, report, published), raw, warn)
            else:
                if path.suffix.lower() == ".json":
                    warn(f"{path}: read as the text of an article; JSON Lines of articles or claims end in .jsonl")
                manifest = _manifest(path.parent, warn)
                article = _file_article(path, path.name, manifest.get(path.name, {}), warn, report, published,
                                        pages)
                if article:
                    yield from _counted(report, [article], str(path.parent), warn)
        else:
            report.skip(raw, "no such file or folder; check the path", warn)


def _counted(report: ReadReport, articles: Iterable[Article], given: str, warn: Warn) -> Iterator[Article]:
    """Count the articles; one whose id another input already took gets its path as given (two outlets' story.txt)."""
    for article in articles:
        if article.id in report.ids:
            unique, n = f"{given.rstrip('/')}/{article.id}", 2
            while unique in report.ids:
                unique, n = f"{given.rstrip('/')}/{article.id}#{n}", n + 1
            warn(f"two inputs are called {article.id}; this one from {given} is called {unique}")
            article = replace(article, id=unique)
        report.ids.add(article.id)
        report.sources[article.id] = {"published": article.published, "outlet": article.meta.get("outlet"),
                                      "url": article.meta.get("url")}
        report.read += 1
        yield article


def _folder_articles(folder: Path, warn: Warn, report: ReadReport, published: str | None,
                     pages: PageReader) -> Iterator[Article]:
    manifests: dict[Path, dict] = {}
    listed: set[Path] = set()
    resources: set[Path] = set()         # the folders of images and scripts a browser saves beside a page
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts) or resources.intersection(path.parents):
            continue  # hidden files and folders (.git, .DS_Store) are not articles, nor a saved page's images
        if path.is_dir():
            if path.is_symlink():
                report.skip(str(path), "a link to a folder is not followed; give that folder as a path of its own",
                            warn)
            elif (page := saved_with(path)) is not None:
                resources.add(path)
                warn(f"{path}: left out: the images, scripts and styles the browser saved with {page.name}")
            continue
        if not path.is_file():
            report.skip(str(path), "not a regular file (a broken link, a pipe or a device)", warn)
            continue
        if path.name == MANIFEST:
            continue
        if path.suffix.lower() not in READ_SUFFIXES:
            report.skip(str(path), f"not a {', '.join(READ_SUFFIXES[:-1])} or {READ_SUFFIXES[-1]} file"
                                   f"{convert_hint(path)}", warn)
            continue
        if path.parent not in manifests:
            manifests[path.parent] = _manifest(path.parent, warn)
        listed.add(path)
        fields = manifests[path.parent].get(path.name, {})
        article = _file_article(path, relative.as_posix(), fields, warn, report, published, pages)
        if article:
            yield article
    for parent, manifest in manifests.items():
        for name in manifest:
            if parent / name not in listed:
                warn(f"{parent / MANIFEST}: lists {name}, which is not among the files read")


def _manifest(folder: Path, warn: Warn) -> dict[str, dict]:
    """Return {file name: fields} from a folder's sources.yaml (empty when absent or broken, with a warning)."""
    path = folder / MANIFEST
    if not path.is_file():
        return {}
    try:
        data = load_yaml(path)
    except RulesError as exc:
        warn(f"{exc} (manifest ignored)")
        return {}
    if data is None:
        return {}
    if not isinstance(data, dict):
        warn(f"{path}:1: expected a mapping of file name to fields (manifest ignored)")
        return {}
    manifest = {}
    for name, fields in data.items():
        if not isinstance(fields, dict):
            warn(f"{data.where(name)}: entry for {name} must be a mapping such as {{published: 2024-10-25}}")
            continue
        fields = dict(fields)
        fields["published"] = parse_published(fields.get("published"), data.where(name), warn)
        manifest[str(name)] = fields
    return manifest


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding) for file bytes: UTF-16 when it says so, else UTF-8, then the legacy fallback."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode(FALLBACK_ENCODING), FALLBACK_ENCODING
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def decoded(data: bytes, path, warn: Warn) -> str:
    """Return the text of file bytes, with a warning when it was guessed (UTF-16 with its byte-order mark is not)."""
    text, encoding = decode(data)
    if encoding not in ("utf-8", "utf-16"):
        warn(f"{path}: not valid UTF-8; read as {encoding} (save it as UTF-8 to be sure)")
    return text


def _file_article(path: Path, article_id: str, fields: dict, warn: Warn, report: ReadReport,
                  published: str | None, pages: PageReader = read_page) -> Article | None:
    try:
        data = path.read_bytes()
    except OSError as exc:
        report.skip(str(path), f"cannot read ({exc.strerror or exc}); check its permissions", warn)
        return None
    if (document := not_text(data, path)) is not None:      # named on the command line, or a PDF saved as .txt
        report.skip(str(path), document, warn)
        return None
    if b"\x00" in data[:8192] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        report.skip(str(path), "looks binary (NUL bytes); give text files only", warn)
        return None
    if path.suffix.lower() in HTML_SUFFIXES:
        return _page_article(data, path, article_id, fields, warn, report, published, pages)
    meta = {key: value for key, value in fields.items() if key != "published"}
    date_value = fields.get("published")
    text = decoded(data, path, warn)
    body_start = 0
    match = _FRONT_MATTER.match(text)
    if match is None and re.match(r"---[ \t]*\r?\n", text):
        warn(f"{path}: front matter opened with --- is never closed with a --- line; read it all as text")
    if match:
        body_start = match.end()
        try:
            front = load_yaml(f"{path} (front matter)", match.group(1))
        except RulesError as exc:
            warn(f"{exc}; front matter ignored")
            front = None
        if front is not None and not isinstance(front, dict):
            warn(f"{path}:2: front matter must be a mapping such as `published: 2024-10-25` (ignored)")
        if isinstance(front, dict):
            meta = {**{k: v for k, v in front.items() if k != "published"}, **meta}
            if date_value is None:
                date_value = parse_published(front.get("published"), f"{path}:2", warn)
    return Article(article_id, text, date_value or published, meta, body_start, path=str(path))


def _page_article(data: bytes, path: Path, article_id: str, fields: dict, warn: Warn, report: ReadReport,
                  published: str | None, pages: PageReader) -> Article | None:
    """Return the article of a saved web page (its extracted text: offsets count in it), None when it holds none."""
    try:
        page = pages(page_text(data, lambda raw: decoded(raw, path, warn)))
    except Exception as exc:      # whatever trafilatura or lxml trip over in one page must not stop the others
        report.skip(str(path), f"cannot be read as a web page ({type(exc).__name__}: {exc}); save it again from "
                               "the browser, or paste its text into a .txt file", warn)
        return None
    if page is None:
        report.skip(str(path), NO_ARTICLE, warn)
        return None
    # What sources.yaml says of the file wins over what the page says of itself, as it does over front matter.
    date_value = fields.get("published") or parse_published(page.published, f"{path} (page metadata)", warn)
    meta = {**page.meta, **{key: value for key, value in fields.items() if key != "published"}}
    return Article(article_id, page.text, date_value or published, meta, path=str(path))


def masked_text(article: Article) -> str:
    """Return the text the pipeline reads: the article with its front matter and page furniture blanked (spaces,
    line breaks kept: offsets stay the file's)."""
    if not article.body_start and not article.blanked:
        return article.text
    parts, at = [], 0
    for start, end in ((0, article.body_start), *article.blanked):
        parts += [article.text[at:start], re.sub(r"[^\n]", " ", article.text[start:end])]
        at = end
    return "".join(parts) + article.text[at:]


def read_lines(path: Path, warn: Warn, report: ReadReport) -> list[str] | None:
    """Return the lines of a JSON Lines file (UTF-8, else the legacy fallback with a warning); None when unreadable."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        report.skip(str(path), f"cannot read ({exc.strerror or exc}); check its permissions", warn)
        return None
    text = decoded(data, path, warn)
    return text.splitlines(keepends=True)


def _jsonl_file(path: Path, warn: Warn, report: ReadReport, published: str | None) -> Iterator[Article]:
    lines = read_lines(path, warn, report)
    if lines is not None:
        yield from _jsonl_articles(lines, str(path), warn, report, published)


def _json_records(lines: Iterable[str], name: str, warn: Warn, report: ReadReport,
                  fix: str) -> Iterator[tuple[str, object]]:
    """Yield ("name:line", record) for each line of JSON Lines; a line that is not JSON is skipped with `fix`."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            yield where, json.loads(line)
        except json.JSONDecodeError as exc:
            report.skip(where, f"not JSON ({exc.msg}); {fix}", warn)


def _jsonl_articles(lines: Iterable[str], name: str, warn: Warn, report: ReadReport,
                    published: str | None) -> Iterator[Article]:
    for where, record in _json_records(lines, name, warn, report, "write one JSON object a line"):
        if is_claims_record(record):
            report.skip(where, "a claim, not an article; give claims to `troopclaims compare` on their own", warn)
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            report.skip(where, 'needs an object with a "text" string, e.g. {"id": "a1", "text": "..."}', warn)
            continue
        raw_id = record.get("id")
        if raw_id is not None and (isinstance(raw_id, bool) or not isinstance(raw_id, (str, int))):
            report.skip(where, '"id" must be a string or a number', warn)
            continue
        article_id = without_surrogates(str(raw_id)) if raw_id not in (None, "") else where
        date_value = parse_published(record.get("published"), where, warn) or published
        meta = {k: v for k, v in record.items() if k not in ("id", "text", "published")}
        # Notes name a record by its file and line; stdin's (one piped article, "stdin") by its id.
        yield Article(article_id, without_surrogates(record["text"]), date_value, meta,
                      path=None if name == "<stdin>" else where)


_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    """Return text with lone UTF-16 surrogates (JSON "\\ud800", which no output can encode) as U+FFFD, one for one."""
    return _SURROGATE.sub("\ufffd", text)


def is_claims_record(record: object) -> bool:
    """Return whether a JSON record is a claim (as extract writes it) rather than an article."""
    return isinstance(record, dict) and "kind" in record and "source" in record


def sniff_jsonl(lines: list[str]) -> str:
    """Return "claims" or "articles" for JSON Lines, judged by the first record that parses."""
    for line in lines:
        if line.strip():
            try:
                return "claims" if is_claims_record(json.loads(line)) else "articles"
            except json.JSONDecodeError:
                continue
    return "articles"


def read_claims(lines: Iterable[str], name: str, warn: Warn, report: ReadReport | None = None) -> Iterator[Claim]:
    """Yield the claims in JSON Lines as extract writes them; a bad line is reported and skipped."""
    report = report if report is not None else ReadReport()
    fix = "give claims as `troopclaims extract` prints them"
    for where, record in _json_records(lines, name, warn, report, fix):
        if isinstance(record, dict):
            record = {key: without_surrogates(value) if isinstance(value, str) else value
                      for key, value in record.items()}
        try:
            claim = Claim.from_dict(record)
        except (ValueError, TypeError, AttributeError) as exc:
            report.skip(where, f"not a claim ({exc}); {fix}", warn)
            continue
        report.claims += 1
        yield claim
