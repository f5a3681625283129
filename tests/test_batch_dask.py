"""The same batch on a dask.distributed cluster: a LocalCluster of worker processes on 127.0.0.1."""

from __future__ import annotations

import pytest

from tests.test_batch import STORIES, catalog_rows


@pytest.mark.slow
def test_batch_on_a_local_dask_cluster(tmp_path):
    from distributed import LocalCluster

    from tts_pipeline.pipeline.batch import run_batch

    pages = tmp_path / "pages"
    pages.mkdir()
    for name in ("bridge", "rain"):
        (pages / f"{name}.txt").write_text(STORIES[name])
    out = tmp_path / "out"
    with LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        result = run_batch(pages, out, dask_address=cluster.scheduler_address)
    assert result.all_passed, result.rows
    rows = catalog_rows(out)
    assert sorted(rows) == ["bridge", "rain"]
    assert all((out / ident / "narration.mp3").is_file() for ident in rows)
    assert (out / "feed.xml").is_file()


def test_unreachable_scheduler_is_bad_input(tmp_path):
    from tts_pipeline.errors import BadInput
    from tts_pipeline.pipeline.batch import run_batch

    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "rain.txt").write_text(STORIES["rain"])
    with pytest.raises(BadInput, match="dask scheduler"):
        run_batch(pages, tmp_path / "out", dask_address="tcp://127.0.0.1:9")
