"""Files: unreadable inputs, outputs that cannot be written, and writes that fail half-way.

Some cases need a user without root's powers (a file with no read permission, a folder without
write permission); they are skipped when the tests run as root, and the same code paths are also
exercised with a simulated ``PermissionError``.
"""

from __future__ import annotations

import errno
import json
import os
import pathlib
import subprocess
import sys

import pytest
from helpers import run_geokit as geokit

from geokit import cli
from geokit.text.documents import read_documents

AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
needs_non_root = pytest.mark.skipif(AS_ROOT, reason="root can read and write anything (permission test)")


@pytest.fixture
def good(tmp_path):
    p = tmp_path / "good.txt"
    p.write_text("Two camps lie 45 kilometers southwest of Sirte, Libya.", encoding="utf-8")
    return p


def _leftovers(folder: pathlib.Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp") or p.name.startswith("."))


# -- inputs ---------------------------------------------------------------------------------------


def test_folder_input_is_read_as_a_folder(tmp_path, good):
    sub = tmp_path / "looks-like-a-file.txt"
    sub.mkdir()
    (sub / "inner.txt").write_text("Fighting near Mosul.", encoding="utf-8")
    docs, errors = read_documents([sub, good])
    assert [d.id for d in docs] == ["inner", "good"] and errors == []


def test_symlink_loop_is_named_and_skipped(tmp_path, good):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    docs, errors = read_documents([loop, good])
    assert [d.id for d in docs] == ["good"]
    assert len(errors) == 1 and errors[0].file == str(loop)


def test_permission_error_is_named_and_skipped(tmp_path, good, monkeypatch):
    secret = tmp_path / "secret.txt"
    secret.write_text("Sirte", encoding="utf-8")
    real = pathlib.Path.read_bytes

    def read_bytes(self):
        if self.name == "secret.txt":
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(pathlib.Path, "read_bytes", read_bytes)
    docs, errors = read_documents([secret, good])
    assert [d.id for d in docs] == ["good"]
    assert [(e.file, e.error) for e in errors] == [(str(secret), "Permission denied")]


@needs_non_root
def test_unreadable_file_through_the_command_line(tmp_path, good):
    secret = tmp_path / "secret.txt"
    secret.write_text("Sirte", encoding="utf-8")
    secret.chmod(0)
    proc = geokit("parse", secret, good, "--json")
    assert proc.returncode == 1 and "secret.txt" in proc.stderr and "ermission" in proc.stderr
    assert [d["id"] for d in json.loads(proc.stdout)["documents"]] == ["good"]


@pytest.mark.slow
def test_jsonl_lines_with_deep_nesting_and_surrogates(tmp_path):
    p = tmp_path / "corpus.jsonl"
    lines = [
        "[" * 100_000 + "]" * 100_000,
        json.dumps({"id": "ok", "text": "Sirte \udcff and Mosul \ud800."}),  # lone surrogates
    ]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, errors = read_documents([p])
    assert [d.id for d in docs] == ["ok"] and "\ufffd" in docs[0].text
    assert len(docs[0].text) == len("Sirte \udcff and Mosul \ud800.")  # offsets are kept
    assert [(e.line, e.error) for e in errors] == [(1, "not JSON (nested too deeply)")]
    proc = geokit("parse", p, "--json")
    assert proc.returncode == 1 and "nested too deeply" in proc.stderr
    places = json.loads(proc.stdout)["documents"][0]["places"]
    assert [x["name"] for x in places] == ["Sirte", "Mosul"]


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["folder", "missing", "binary"])
def test_check_jsonl_bad_file(tmp_path, kind):
    path = {"folder": tmp_path, "missing": tmp_path / "nope.jsonl", "binary": tmp_path / "bin.jsonl"}[kind]
    if kind == "binary":
        good_line = b'["The camp is 45 km southwest of Sirte."]\n'
        path.write_bytes(good_line + b"\xff\xfe\x00junk\n" + b"[" * 50_000 + b"\n")
    proc = geokit("check", "--jsonl", path, "--json")
    assert proc.returncode == 1 and str(path) in proc.stderr
    if kind == "binary":  # one output line per input line, the good one answered
        out = [json.loads(line) for line in proc.stdout.splitlines()]
        assert len(out) == 3 and out[0]["targets"] and "error" not in out[0]
        assert [o.get("error") for o in out[1:]] == ["not UTF-8 text", "not JSON (nested too deeply)"]


@pytest.mark.slow
def test_undecodable_statements_on_stdin(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "geokit.cli", "resolve", "-", "--json"],
        input=b"The camp is 45 km southwest of Sirte. \xff\xfe\n\x80\x81 north of Mosul\n",
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == 0 and b"Traceback" not in proc.stderr
    claims = json.loads(proc.stdout)["claims"]
    assert [c["input"] for c in claims] == [0, 1]


# -- outputs --------------------------------------------------------------------------------------


def test_map_into_a_missing_folder(tmp_path, good):
    out = tmp_path / "no" / "such" / "dir" / "x.html"
    proc = geokit("map", good, "-o", out)
    assert proc.returncode == 1 and "does not exist" in proc.stderr and str(out) in proc.stderr
    assert not (tmp_path / "no").exists()  # nothing created on the way


def test_map_onto_a_folder(tmp_path, good):
    proc = geokit("map", good, "-o", tmp_path)
    assert proc.returncode == 1 and "is a folder" in proc.stderr
    assert _leftovers(tmp_path) == []


def test_png_into_a_missing_folder_fails_before_the_work(tmp_path, good):
    out = tmp_path / "x.html"
    proc = geokit("map", good, "-o", out, "--png", tmp_path / "missing" / "x.png")
    assert proc.returncode == 1 and "does not exist" in proc.stderr
    assert not out.exists()


@needs_non_root
def test_map_into_a_read_only_folder(tmp_path, good):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    proc = geokit("map", good, "-o", ro / "x.html")
    assert proc.returncode == 1 and "not writable" in proc.stderr


@pytest.mark.slow
def test_map_replaces_an_existing_file(tmp_path, good):
    out = tmp_path / "x.html"
    out.write_text("old content " * 10_000, encoding="utf-8")
    proc = geokit("map", good, "-o", out)
    assert proc.returncode == 0, proc.stderr
    text = out.read_text(encoding="utf-8")
    assert text.lstrip().lower().startswith("<!doctype html") and "old content" not in text
    assert _leftovers(tmp_path) == []


# -- writes that fail half-way leave the old file, and no part file ----------------------------------


@pytest.fixture
def small_map():
    from geokit.pipeline import analyse_texts

    return analyse_texts(["The camp is 45 km southwest of Sirte."]).to_map()


@pytest.mark.slow
@pytest.mark.parametrize("failure", [OSError(errno.ENOSPC, "No space left on device"), KeyboardInterrupt()])
def test_map_save_failing_half_way(tmp_path, small_map, monkeypatch, failure):
    out = tmp_path / "map.html"
    out.write_text("previous map", encoding="utf-8")

    def broken_replace(src, dst):
        assert pathlib.Path(src).stat().st_size > 1000  # the new page was written, then ...
        raise failure

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(type(failure)):
        small_map.save(out)
    assert out.read_text(encoding="utf-8") == "previous map"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.html"]


@pytest.mark.slow
def test_cli_map_reports_a_failing_write(tmp_path, good, monkeypatch, capsys):
    out = tmp_path / "map.html"

    def full_disk(src, dst):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    rc = cli.main(["map", str(good), "-o", str(out)])
    err = capsys.readouterr().err
    assert rc == 1 and "cannot write" in err and "No space left on device" in err
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["good.txt"]


def test_online_cache_write_failing_half_way(tmp_path, monkeypatch):
    from geopy.location import Location

    from geokit.places.geocoders import OnlineGeocoder

    geo = OnlineGeocoder("nominatim", cache_dir=tmp_path, min_delay_seconds=0, max_retries=0)
    geo._geocode = lambda q, exactly_one=True: Location("Sirte, Libya", (31.2, 16.6), {})

    def broken_replace(src, dst):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    assert geo.geocode("Sirte").latitude == 31.2  # the answer is still given
    assert list(tmp_path.iterdir()) == []  # and no part file is left in the cache


# ---------------------------------------------------------------- titles
@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "An official website of the United States Government \nHere's how you know\n\n"
            "Official websites use .gov\n\nSecure .gov websites use HTTPS\n\n"
            "U.S. Airstrikes Kill 80 ISIL Fighters in Libya, Carter Says\n\nThe strikes were overnight.",
            "U.S. Airstrikes Kill 80 ISIL Fighters in Libya, Carter Says",
        ),
        (
            "US B-2 bombers strike two ISIS camps in Libya\n\nUS B-2 bombers strike",
            "US B-2 bombers strike two ISIS camps in Libya",
        ),
        (
            "Skip to main content\nSubscribe to our newsletter\nMenu\nSign in\n"
            "Floods cut the road from Homs to Hama\nBy Jane Doe\n",
            "Floods cut the road from Homs to Hama",
        ),
        (
            "Advertisement\n© 2024 Example News. All rights reserved.\n"
            "Where the convoy was hit: a timeline\n",
            "Where the convoy was hit: a timeline",
        ),
        ("The camp is 45 km southwest of Sirte. Officials said so.", None),
        ("Sirte\n\nThe camp is 45 km southwest of Sirte.", None),
        ("", None),
    ],
)
def test_headline_after_web_boilerplate(text, title):
    from geokit.text.documents import headline

    assert headline(text) == title


def test_documents_are_named_by_title(tmp_path):
    from geokit.text.documents import display_name

    (tmp_path / "a.txt").write_text("Menu\nFloods cut the road from Homs to Hama\nText.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("The camp is near Sirte.", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(
        '{"id": "x1", "text": "t", "title": "A title"}\n{"id": "x2", "text": "t", "source": "The Hill"}\n'
        '{"id": "x3", "text": "Camps hit near Sirte overnight, officials say\\nMore."}\n',
        encoding="utf-8",
    )
    docs, errors = read_documents([tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.jsonl"])
    assert not errors
    assert [display_name(d) for d in docs] == [
        "Floods cut the road from Homs to Hama",
        "b.txt",
        "A title",
        "The Hill",
        "Camps hit near Sirte overnight, officials say",
    ]
