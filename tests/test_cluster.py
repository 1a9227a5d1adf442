"""Extract on a Dask cluster: a LocalCluster of two worker processes on loopback gives the local run's output."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from troopclaims.cli import cli
from troopclaims.run.runner import CHUNK

pytestmark = pytest.mark.cluster


@pytest.fixture(scope="module")
def scheduler():
    """Return the address of a two-worker LocalCluster on 127.0.0.1, closed after the module's tests."""
    distributed = pytest.importorskip("distributed", reason="the cluster test needs `pip install -e '.[dev]'`")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None, worker_dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def test_a_cluster_prints_what_one_process_prints(scheduler, tmp_path, many_articles):
    folder = tmp_path / "articles"
    folder.mkdir()
    for article in many_articles(2 * CHUNK + 3):
        (folder / article.id).write_text(article.text, encoding="utf-8")
    runner = CliRunner()
    base = ["extract", str(folder), "--model", "blank", "--no-cache", "--format", "jsonl"]
    local = runner.invoke(cli, base + ["--workers", "1"])
    remote = runner.invoke(cli, base, env={"TROOPCLAIMS_DASK": scheduler})
    assert remote.exit_code == 0, remote.output
    assert remote.stdout == local.stdout
    assert len({json.loads(line)["source"] for line in remote.stdout.splitlines()}) == 2 * CHUNK + 3


def test_an_unreachable_scheduler_is_one_line_naming_the_fix(tmp_path, monkeypatch):
    pytest.importorskip("distributed", reason="the cluster test needs `pip install -e '.[dev]'`")
    monkeypatch.setattr("troopclaims.run.cluster.CONNECT_TIMEOUT", "1s")
    (tmp_path / "a.txt").write_text("300 people left on Monday.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("400 people left on Tuesday.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(tmp_path), "--model", "blank", "--no-cache",
                                      "--dask", "tcp://127.0.0.1:9"])
    assert result.exit_code == 1
    assert "Error: cannot reach the Dask scheduler at 'tcp://127.0.0.1:9'" in result.output
