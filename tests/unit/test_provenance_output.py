"""provenance.output_dir: the report's folder inside ``kit run`` (from KIT_RECORD), the current folder elsewhere."""

from __future__ import annotations

from kit import provenance


def test_output_dir_follows_the_record_file(tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_RECORD", str(tmp_path / "listening.record.json"))
    assert provenance.output_dir() == tmp_path.resolve()


def test_output_dir_outside_a_run_is_the_current_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("KIT_RECORD", raising=False)
    monkeypatch.chdir(tmp_path)
    assert provenance.output_dir() == tmp_path
