"""The progress bar on a terminal's stderr counts articles in good English."""
import io
import sys

import pytest

from troopclaims.run import runner


class Terminal(io.StringIO):
    def isatty(self):
        return True


@pytest.mark.parametrize("done, shown", [(1, "1 article "), (2, "2 articles"), (1200, "1,200 articles")])
def test_the_progress_bar_says_article_or_articles(monkeypatch, done, shown):
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.setattr(runner, "PROGRESS_AFTER", 0.0)
    bar = runner._Bar(True)
    bar.advance(done)
    bar.progress.refresh()
    text = terminal.getvalue()
    bar.stop()
    assert shown in text and "1 articles" not in text
