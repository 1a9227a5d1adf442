"""Atomic output files (output.atomic_write, shared by --output and the HTML report)."""
import csv
import io
import os

import pytest

from troopclaims.errors import OutputError
from troopclaims.output.files import atomic_write
from troopclaims.output.render import _as_text


def test_the_file_appears_whole_with_the_usual_permissions(tmp_path):
    target = tmp_path / "out.txt"
    with atomic_write(target) as out:
        out.write("line\n")
        assert not target.exists()                         # nothing there until the end
        (temporary,) = tmp_path.iterdir()
        assert temporary.name.startswith(".out.txt.")      # hidden, in the same folder
    assert target.read_text() == "line\n" and list(tmp_path.iterdir()) == [target]
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


@pytest.mark.parametrize("exception", [RuntimeError, KeyboardInterrupt])
def test_an_error_or_ctrl_c_leaves_the_old_file_and_no_temporary(tmp_path, exception):
    target = tmp_path / "out.txt"
    target.write_text("old\n")
    target.chmod(0o640)
    with pytest.raises(exception):
        with atomic_write(target) as out:
            out.write("half")
            raise exception
    assert target.read_text() == "old\n" and list(tmp_path.iterdir()) == [target]
    with atomic_write(target) as out:
        out.write("new\n")
    assert target.stat().st_mode & 0o777 == 0o640       # a replaced file keeps its permissions


def test_a_missing_folder_or_a_folder_as_target_is_one_line(tmp_path):
    with pytest.raises(OutputError, match="missing or read-only"):
        with atomic_write(tmp_path / "nowhere" / "out.txt"):
            pass
    with pytest.raises(OutputError, match="is a folder"):
        with atomic_write(tmp_path):
            pass


def test_a_run_stopped_by_sigterm_leaves_no_output_and_no_temporary(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    # Reading stdin keeps the run waiting with its output file open, until it is stopped.
    target = tmp_path / "out.jsonl"
    run = subprocess.Popen([sys.executable, "-m", "troopclaims", "extract", "-", "-o", str(target), "--model", "blank",
                            "--workers", "1", "--no-cache"], stdin=subprocess.PIPE, stderr=subprocess.DEVNULL)
    run.stdin.write(b'{"id": "a", "text": "About 3,000 soldiers arrived on Monday."}\n')
    run.stdin.flush()
    deadline = time.monotonic() + 60
    while not any(tmp_path.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert any(tmp_path.iterdir()), "the run never opened its output file"
    run.send_signal(signal.SIGTERM)
    assert run.wait(timeout=60) == 128 + signal.SIGTERM
    assert list(tmp_path.iterdir()) == []


def test_a_csv_file_for_a_spreadsheet_opens_with_a_byte_order_mark_and_runs_no_formula(tmp_path):
    from click.testing import CliRunner

    from troopclaims.cli import cli

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("=HYPERLINK(\"https://evil.example\") About 40 people fled Sövde, the mayor said.\n"
                                  "-12 degrees froze 30 cattle.\n", encoding="utf-8")
    out = tmp_path / "claims.csv"
    piped = CliRunner().invoke(cli, ["extract", str(folder), "--model", "blank", "--format", "csv"])
    written = CliRunner().invoke(cli, ["extract", str(folder), "--model", "blank", "-o", str(out)])
    assert piped.exit_code == written.exit_code == 0, written.stderr
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfsource,published,kind") and not piped.stdout.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert {row["sentence"][:2] for row in rows} == {"'=", "'-"}       # what a spreadsheet would run, kept as text
    assert _as_text("-12") == "-12" and _as_text("+3.5") == "+3.5"      # a figure stays a figure
    assert [row["sentence"] for row in csv.DictReader(io.StringIO(piped.stdout))][0].startswith("=HYPERLINK")


def test_csv_redirected_to_a_file_named_csv_is_for_a_spreadsheet_as_with_o(tmp_path):
    import subprocess
    import sys

    text = b'=HYPERLINK("https://evil.example") About 40 people fled Orvik, the mayor said.\n'
    command = [sys.executable, "-m", "troopclaims", "extract", "-", "--model", "blank", "--format", "csv",
               "--workers", "1", "--no-cache"]
    with open(tmp_path / "claims.csv", "wb") as out:        # extract - --format csv > claims.csv
        assert subprocess.run(command, input=text, stdout=out, stderr=subprocess.DEVNULL).returncode == 0
    piped = subprocess.run(command, input=text, capture_output=True)        # a pipe: plain CSV for a script
    data = (tmp_path / "claims.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfsource,published,kind") and b",\"'=HYPERLINK(" in data
    assert piped.stdout.startswith(b"source,published,kind") and b",\"=HYPERLINK(" in piped.stdout


@pytest.mark.parametrize("name, before, spreadsheet", [
    ("facts.csv", "", True), ("FACTS.CSV", "", True),
    ("facts.txt", "", False),                                  # another file: CSV as a script reads it
    ("facts.csv", "source,published\n", False),                # appended to (>>): no byte order mark mid-file
])
def test_which_stdout_file_gets_a_spreadsheets_csv(tmp_path, monkeypatch, name, before, spreadsheet):
    import sys

    from troopclaims.output.destination import for_spreadsheet

    (tmp_path / name).write_text(before)
    with open(tmp_path / name, "a") as out:
        monkeypatch.setattr(sys, "stdout", out)
        assert for_spreadsheet(None) is spreadsheet and for_spreadsheet("-") is spreadsheet
    assert for_spreadsheet("out.csv") is True


def test_a_signed_number_stays_a_number_and_a_formula_stays_text():
    assert [_as_text(cell) for cell in ("+3%", "-5%", "-1,200", "+3.5")] == ["+3%", "-5%", "-1,200", "+3.5"]
    assert [_as_text(cell) for cell in ("+1+2", "-5 degrees", "=1+1", "@SUM(A1)", "+A1")] == [
        "'+1+2", "'-5 degrees", "'=1+1", "'@SUM(A1)", "'+A1"]
