"""Saved web pages read as articles: the main text without the page around it, paragraphs, metadata, warnings.

The pages in tests/data/html are written for these tests, in the shapes news sites use: a wire story with a cookie
banner, menus, a byline and a dateline; a broadcaster's page with JSON-LD, share buttons, a "Related" list and
comments; a live blog; an index page with no article.
"""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from troopclaims.reading import ReadReport, read_articles
from troopclaims.reading.pages import read_page

PAGES = Path(__file__).parent / "data" / "html"


def read(*paths, published=None):
    messages, report = [], ReadReport()
    articles = list(read_articles([str(p) for p in paths], messages.append, report, published=published))
    return articles, messages, report


def page(name):
    articles, messages, _ = read(PAGES / name)
    assert messages == []
    [article] = articles
    return article


def test_wire_story_keeps_the_article_and_drops_banner_menus_related_links_and_footer():
    article = page("wire-story.html")
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0] == "Floods force 4,000 from homes in Brenvale"     # the headline, as a text file's first line
    assert paragraphs[1].startswith("BRENVALE, March 14 (Calder Wire) - About 4,000 people were moved out")
    assert paragraphs[3].startswith('"The water rose faster than anyone expected," governor Ilse Marcato')
    assert paragraphs[-1].endswith("falling on the hills above the valley.\n")
    assert len(paragraphs) == 5
    for furniture in ("cookies", "Accept all", "Business", "Related", "50,000 homes", "9 million", "Copyright",
                      "3,000 visitors", "color"):
        assert furniture not in article.text


def test_wire_story_metadata_comes_from_its_meta_tags():
    article = page("wire-story.html")
    assert article.published == "2031-03-14"
    assert article.meta == {"title": "Floods force 4,000 from homes in Brenvale", "outlet": "Calder Wire",
                            "url": "https://calderwire.example/world/2031/03/14/brenvale-floods"}
    assert article.id == "wire-story.html" and article.body_start == 0


def test_broadcaster_page_reads_json_ld_and_leaves_out_related_share_and_comments():
    article = page("broadcaster.html")
    assert article.published == "2031-06-02"          # datePublished, not dateModified
    assert article.meta["outlet"] == "Northmoor Broadcasting"
    assert "url" not in article.meta                  # no canonical link or og:url: none is made up
    assert article.text.split("\n\n")[:2] == [
        "Ferry fire: 37 passengers treated in hospital",
        "Thirty-seven passengers were treated in hospital after a fire broke out in the engine room of a ferry "
        "crossing to the island of Skarra on Monday evening."]
    for furniture in ("Related", "6 weeks", "70 mph", "Share on", "Comments", "over 200", "500 passengers",
                      "seadog77", "Watch"):
        assert furniture not in article.text


def test_live_blog_keeps_each_entry_as_its_own_paragraphs_in_page_order():
    article = page("live-blog.html")
    assert article.published == "2031-09-21"
    assert article.meta["outlet"] == "The Pellham Courier"
    paragraphs = article.text.rstrip("\n").split("\n\n")
    assert paragraphs[0] == "Quake in Tarrowmere: latest updates"
    assert paragraphs[1::2] == ["Death toll rises to 112", "Aid convoys on the way", "Magnitude 6.4 quake"]
    assert paragraphs[-1].endswith("Early reports speak of at least 40 dead.")
    assert "Sign up" not in article.text and "Subscribe" not in article.text


def test_a_page_with_no_article_is_named_on_stderr_and_the_others_are_read(tmp_path):
    for name in ("index-page.html", "wire-story.html"):
        shutil.copy(PAGES / name, tmp_path / name)
    articles, messages, report = read(tmp_path)
    assert [a.id for a in articles] == ["wire-story.html"]
    assert messages == [f"skipped {tmp_path / 'index-page.html'}: no article text found in the page (only menus, "
                        "links or scripts: an index or a sign-in page?); save the article's own page, or paste its "
                        "text into a .txt file"]
    assert report.skipped[0][0] == str(tmp_path / "index-page.html")


@pytest.mark.parametrize("data, reason", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks binary (NUL bytes); give text files only"),
    (b"", "no article text found in the page"),
    (b"<html><body><div>", "no article text found in the page"),
])
def test_a_broken_or_binary_page_is_skipped_with_one_note(tmp_path, data, reason):
    (tmp_path / "photo.htm").write_bytes(data)
    (tmp_path / "note.txt").write_text("The mayor said 300 homes were flooded.\n")
    articles, messages, report = read(tmp_path)
    assert [a.id for a in articles] == ["note.txt"]
    assert len(messages) == 1 and messages[0].startswith(f"skipped {tmp_path / 'photo.htm'}: {reason}")
    assert report.read == 1 and len(report.skipped) == 1


def test_sources_yaml_wins_over_the_pages_own_metadata(tmp_path):
    shutil.copy(PAGES / "wire-story.html", tmp_path / "wire.html")
    (tmp_path / "sources.yaml").write_text("wire.html: {published: 2031-03-15, outlet: Calder Wire Service}\n")
    [article], messages, _ = read(tmp_path)
    assert messages == []
    assert article.published == "2031-03-15"
    assert article.meta["outlet"] == "Calder Wire Service"
    assert article.meta["url"] == "https://calderwire.example/world/2031/03/14/brenvale-floods"   # the page's


def test_the_pages_date_wins_over_the_published_option_and_an_undated_page_takes_it(tmp_path):
    (tmp_path / "undated.html").write_text(
        "<html><body><article><p>The fire service said 45 firefighters fought the blaze at the timber yard "
        "through the night.</p></article></body></html>")
    shutil.copy(PAGES / "wire-story.html", tmp_path / "wire.html")
    articles, _, _ = read(tmp_path, published="2031-01-01")
    assert {a.id: a.published for a in articles} == {"undated.html": "2031-01-01", "wire.html": "2031-03-14"}


def test_a_page_in_its_declared_legacy_charset_is_decoded_without_a_guess(tmp_path):
    markup = ('<html><head><meta charset="iso-8859-1"><title>Caf\xe9 fire</title></head><body><article>'
              "<p>Firefighters said 12 people were led out of the caf\xe9 on the square before the roof fell in."
              "</p></article></body></html>")
    (tmp_path / "cafe.html").write_bytes(markup.encode("latin-1"))
    [article], messages, _ = read(tmp_path / "cafe.html")
    assert messages == []
    assert "12 people were led out of the caf\xe9 on the square" in article.text


def test_paragraph_breaks_of_br_lines_and_blocks_are_blank_lines():
    result = read_page("<html><body><article><p>The governor said 30 schools would stay shut on Monday "
                       "morning.<br>Officials said 12 bridges were closed to traffic until further notice.</p>"
                       "<p>The army sent 200 soldiers to help with the clean-up in the valley towns.</p>"
                       "</article></body></html>")
    assert result.text.count("\n\n") == 2 and "\n\n\n" not in result.text
    assert result.text.split("\n\n")[1].startswith("Officials said 12 bridges")


def test_reading_text_files_never_imports_trafilatura(tmp_path):
    (tmp_path / "a.txt").write_text("The mayor said 300 homes were flooded.\n")
    script = ("import sys; import troopclaims.cli; from troopclaims.reading import read_articles; "
              f"list(read_articles([{str(tmp_path)!r}], print)); print('trafilatura' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.splitlines()[-1] == "False"


def test_the_folder_a_browser_saves_beside_a_page_is_left_out_in_one_note(tmp_path):
    shutil.copy(PAGES / "wire-story.html", tmp_path / "floods.html")
    resources = tmp_path / "floods_files"
    resources.mkdir()
    for name in ("style.css", "tracker.js", "ad-frame.html", "photo.jpg"):
        (resources / name).write_text("<p>Win 1,000 prizes today with our partners and sign up for 10 offers.</p>")
    (tmp_path / "notes_files").mkdir()                 # no notes.html beside it: an ordinary folder
    (tmp_path / "notes_files" / "tip.txt").write_text("A reader said 60 cars were swept away by the water.\n")
    articles, messages, report = read(tmp_path)
    assert [a.id for a in articles] == ["floods.html", "notes_files/tip.txt"]
    assert messages == [f"{resources}: left out: the images, scripts and styles the browser saved with floods.html"]
    assert report.skipped == []


def test_a_page_the_extractor_fails_on_is_skipped_and_the_others_go_on(tmp_path, monkeypatch):
    import trafilatura

    def fail(markup, **options):
        if "Brenvale" in markup:
            raise RecursionError("maximum recursion depth exceeded")
        return real(markup, **options)

    real = trafilatura.bare_extraction
    monkeypatch.setattr(trafilatura, "bare_extraction", fail)
    for name in ("wire-story.html", "broadcaster.html"):
        shutil.copy(PAGES / name, tmp_path / name)
    articles, messages, _ = read(tmp_path)
    assert [a.id for a in articles] == ["broadcaster.html"]
    assert messages == [f"skipped {tmp_path / 'wire-story.html'}: cannot be read as a web page (RecursionError: "
                        "maximum recursion depth exceeded); save it again from the browser, or paste its text into "
                        "a .txt file"]


FERRY_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} | Coastline News</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="Coastline News">
<meta property="article:published_time" content="2032-02-11T08:00:00Z">
<link rel="canonical" href="https://coastline.example/news/ferry-marnholt">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>{headline}</h1>
<p>A passenger ferry sank off the island of Marnholt early on Tuesday, and 19 people are still missing, the
coastguard said.</p>
<p>Rescuers pulled 212 passengers from the water overnight, according to the harbour master, Ilse Varnow.</p>
</article>
<footer>Copyright Coastline News</footer>
</body></html>
"""


@pytest.mark.parametrize("title, headline", [
    ("Ferry sinks off Marnholt, 19 missing", "Ferry sinks off Marnholt; 19 missing"),
    ("Ferry sinks off Marnholt: 19 missing", "Ferry sinks off Marnholt – 19 people missing"),
    ("‘Ferry sinks’ off Marnholt, 19 missing", "'Ferry sinks' off Marnholt, 19 missing"),
])
def test_a_headline_written_a_little_differently_in_og_title_and_h1_is_read_once(title, headline):
    article = read_page(FERRY_PAGE.format(title=title, headline=headline))
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0] == headline
    assert paragraphs[1].startswith("A passenger ferry sank")
    assert article.text.count("19") == 2        # the headline's and the lede's, not a third from the title


def test_a_title_whose_figure_differs_from_the_headline_is_read_too():
    article = read_page(FERRY_PAGE.format(title="Ferry sinks off Marnholt, 19 missing",
                                          headline="Ferry sinks off Marnholt, 21 missing"))
    assert article.text.split("\n\n")[:2] == ["Ferry sinks off Marnholt, 19 missing",
                                               "Ferry sinks off Marnholt, 21 missing"]


def test_a_title_that_is_not_the_headline_is_still_read_first():
    article = read_page(FERRY_PAGE.format(title="Storm closes the Marnholt crossing", headline="Ferry sinks"))
    assert article.text.split("\n\n")[:2] == ["Storm closes the Marnholt crossing", "Ferry sinks"]
