"""geokit batch: partitions, GeoParquet outputs, errors, resume after a kill, cross-partition checks."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest

from geokit.batch import run_batch
from geokit.batch.partitions import iter_partitions
from geokit.batch.store import Store
from geokit.corrections import Corrections, load_corrections
from geokit.errors import DataError, InputError

SENTENCES = [
    "The training camp is 45 km southwest of Sirte, officials said.",
    "Fighting continued in Mosul on Tuesday.",
    "Residents fled Raqqa as the offensive began.",
    "The camp lies 28 miles southwest of Sirte.",
    "Aid reached Aleppo and Homs after weeks of delays.",
    "The convoy was seen 30 km north of Mosul.",
    "Talks were held in Baghdad, Iraq.",
    "Drones struck targets near Raqqa, Syria.",
    "The base is 20 km east of Sirte.",
    "A meeting took place in Tripoli, Libya.",
]
N_DOCS = 30
PART = 7
N_PARTS = 7  # three of 7 documents, then the last 9 in pieces of 5, 2, 1, 1 (iter_partitions)


def write_corpus(folder: Path) -> Path:
    """30 documents and two broken lines (not JSON; text not a string) in one JSONL file."""
    path = folder / "corpus.jsonl"
    lines = []
    for i in range(N_DOCS):
        text = f"{SENTENCES[i % len(SENTENCES)]} {SENTENCES[(i * 3 + 1) % len(SENTENCES)]}"
        lines.append(json.dumps({"id": f"doc{i}", "text": text}))
        if i == 11:
            lines.append("{not json")
        if i == 17:
            lines.append(json.dumps({"id": "poison", "text": 123}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def parse_count(path: Path, capsys: pytest.CaptureFixture[str]) -> int:
    from geokit.cli import main

    capsys.readouterr()
    status = main(["parse", str(path), "--json"])
    out = json.loads(capsys.readouterr().out)
    assert status == 1  # the two broken lines
    return sum(len(d["places"]) for d in out["documents"])


def run(corpus: Path, out: Path, **kw: object) -> dict:
    kw.setdefault("scheduler", "synchronous")
    return run_batch([corpus], out, partition_size=PART, progress=False, **kw)  # type: ignore[arg-type]


def read(out: Path, dataset: str) -> gpd.GeoDataFrame:
    return gpd.read_parquet(out / dataset)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def full(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("full") / "out"
    return out, run(corpus, out)


def test_partitions_are_stable_and_cut_in_order(corpus: Path) -> None:
    a = list(iter_partitions([corpus], PART))
    b = list(iter_partitions([corpus], PART))
    assert [p.id for p in a] == [p.id for p in b]
    assert [len(p.documents) for p in a] == [7, 7, 7, 5, 2, 1, 1] and len(a) == N_PARTS
    assert [d.id for p in a for d in p.documents] == [f"doc{i}" for i in range(N_DOCS)]
    assert sum(len(p.errors) for p in a) == 2
    with pytest.raises(InputError):
        next(iter_partitions([corpus], 0))


def test_the_last_partitions_are_cut_smaller_and_keep_every_error(tmp_path: Path) -> None:
    """The last full partition and the rest come in pieces; an error goes with the next document."""
    corpus = tmp_path / "c.jsonl"
    lines = [json.dumps({"id": f"d{i}", "text": "Sirte"}) for i in range(19)]
    lines.insert(9, "{oops")  # line 10, before d9, which is in a piece
    corpus.write_text("\n".join([*lines, "{trailing"]) + "\n")  # line 21
    parts = list(iter_partitions([corpus], 8))
    assert [[d.id for d in p.documents] for p in parts] == [
        [f"d{i}" for i in range(8)],
        [f"d{i}" for i in range(8, 14)],
        ["d14", "d15", "d16"],
        ["d17"],
        ["d18"],
    ]
    assert [[e.line for e in p.errors] for p in parts] == [[], [10], [], [], [21]]
    assert [(p.index, p.tail) for p in parts] == [(0, False), (1, True), (2, True), (3, True), (4, True)]
    only_errors = tmp_path / "e.jsonl"
    only_errors.write_text("{oops\n")
    assert [(len(p.documents), len(p.errors)) for p in iter_partitions([only_errors], 4)] == [(0, 1)]


@pytest.mark.slow
def test_the_last_pieces_go_only_to_a_free_worker(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Full partitions are sent one ahead of each worker; a piece that ends the run waits for a free one."""
    from collections import deque

    from geokit.batch import run as batch_run

    in_flight: dict[int, int] = {}  # partition index -> partitions in flight when it was sent

    class Recording(deque):
        def append(self, record: dict) -> None:  # the synchronous executor hands back the record
            in_flight[record["index"]] = len(self)
            super().append(record)

    monkeypatch.setattr(batch_run, "deque", Recording)
    monkeypatch.setattr(batch_run._Synchronous, "workers", 2)
    run(corpus, tmp_path / "out")
    tail = {p.index for p in iter_partitions([corpus], PART) if p.tail}
    assert len(in_flight) == N_PARTS and tail
    assert max(n for i, n in in_flight.items() if i not in tail) == 2  # one running, one sent ahead each
    assert max(n for i, n in in_flight.items() if i in tail) < 2


@pytest.mark.slow
def test_end_to_end_matches_parse(
    corpus: Path, full: tuple[Path, dict], capsys: pytest.CaptureFixture
) -> None:
    out, summary = full
    places = read(out, "places")
    assert len(places) == parse_count(corpus, capsys) == summary["places"] > 0
    assert summary["documents"] == N_DOCS and summary["partitions"] == N_PARTS and summary["errors"] == 2
    assert places.crs.to_epsg() == 4326
    assert {"document", "start", "end", "text", "id", "name", "kind", "lat", "lon"} <= set(places.columns)
    assert not places.duplicated(subset=["document", "start", "end"]).any()
    # unresolved mentions are kept with null coordinates and geometry
    assert (places["lat"].isna() == places.geometry.isna()).all()
    sirte = places[places["text"] == "Sirte"]
    assert len(sirte) and (sirte["id"] == "geonames:2210554").all()
    assert abs(sirte.geometry.iloc[0].y - 31.2) < 0.1  # geometry is (lon, lat)
    claims, estimates = read(out, "claims"), read(out, "estimates")
    assert len(claims) == summary["claims"] and len(estimates) == summary["estimates"] > 0
    assert set(estimates["claim"]) <= set(claims["id"])
    assert estimates.geom_type.isin(["Polygon", "MultiPolygon"]).all()
    on_file = json.loads((out / "summary.json").read_text())
    assert on_file["places"] == summary["places"] and "seconds" in on_file


def test_broken_inputs_go_to_errors_jsonl(full: tuple[Path, dict]) -> None:
    out, _ = full
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    assert [(e["line"], e["id"]) for e in errors] == [(13, None), (20, "poison")]
    assert "not JSON" in errors[0]["error"] and "text" in errors[1]["error"]
    assert all(e["file"].endswith("corpus.jsonl") for e in errors)


@pytest.mark.slow
def test_checks_span_partitions(corpus: Path, full: tuple[Path, dict]) -> None:
    from geokit.pipeline import analyse

    out, summary = full
    checks = read(out, "checks")
    expected = [k.to_dict() for t in analyse([corpus]).targets for k in t.checks]
    assert len(checks) == summary["checks"] == len(expected) > 0
    assert list(zip(checks["a"], checks["b"], checks["verdict"], strict=True)) == [
        (k["a"], k["b"], k["verdict"]) for k in expected
    ]
    index = {d.id: p.index for p in iter_partitions([corpus], PART) for d in p.documents}
    targets = analyse([corpus]).targets
    assert any(len({index[c.document] for c in t.claims}) > 1 for t in targets)  # targets span partitions


def test_checks_from_checkpoints_without_facts(corpus: Path, full: tuple[Path, dict], tmp_path: Path) -> None:
    """Checkpoints written before they kept grouping facts: the facts are read from the saved claims."""
    out, summary = full
    old = tmp_path / "out"
    shutil.copytree(out, old)
    for done in (old / "_done").glob("*.json"):
        record = json.loads(done.read_text(encoding="utf-8"))
        assert record.pop("facts") is not None
        done.write_text(json.dumps(record), encoding="utf-8")
    again = run(corpus, old)
    assert again["partitions_resumed"] == N_PARTS and again["checks"] == summary["checks"]
    columns = ["a", "b", "verdict", "reasons"]
    assert read(old, "checks")[columns].equals(read(out, "checks")[columns])


def test_check_chunk_loads_only_the_partitions_it_needs(full: tuple[Path, dict]) -> None:
    from geokit.batch import worker
    from geokit.checks.grouping import group_facts

    out, _ = full
    store = Store(out)
    pids = sorted(p.stem for p in (out / "_done").glob("*.json"))
    records = [store.read_done(pid) for pid in pids]
    starts = [sum(len(r["facts"]) for r in records[:k]) for k in range(len(records))]
    facts = [f for r in records for f in r["facts"]]
    groups = [(k, g) for k, g in group_facts(facts) if len(g) > 1]
    part_of = [k for k, r in enumerate(records) for _ in r["facts"]]
    needed = {part_of[i] for i in groups[0][1]}
    assert len(needed) < len(pids)
    try:
        wanted = sorted(groups[0][1])
        assert worker.check_chunk(str(out), pids, starts, 99, groups[:1], None, wanted) > 0
        assert set(worker._STATE) == {"key", *needed}
        kept = [p for part in needed for p in worker._STATE[part][0]]
        assert sorted(kept) == wanted  # of the partitions, only the claims of the groups checked
    finally:
        worker.release_checks()
        store.remove_file(store.part_path("checks", 99))
    assert worker._STATE == {}


def test_rerun_skips_done_partitions(corpus: Path, full: tuple[Path, dict], tmp_path: Path) -> None:
    out, summary = full
    again = run(corpus, out)
    assert again["partitions_resumed"] == N_PARTS
    assert {k: again[k] for k in ("documents", "places", "claims", "checks", "errors")} == {
        k: summary[k] for k in ("documents", "places", "claims", "checks", "errors")
    }


@pytest.mark.slow
def test_resume_after_lost_partition(corpus: Path, full: tuple[Path, dict], tmp_path: Path) -> None:
    _, summary = full
    out = tmp_path / "out"
    run(corpus, out)
    store = Store(out)
    part = list(iter_partitions([corpus], PART))[2]
    # as if killed while writing partition 2: marker not written, one part missing, a temp file left
    (store.done_dir / f"{part.id}.json").unlink()
    store.part_path("claims", 2).unlink()
    (out / "places" / ".part-00002.parquet.dead.tmp").write_bytes(b"half")
    again = run(corpus, out)
    assert again["partitions_resumed"] == N_PARTS - 1
    places = read(out, "places")
    assert len(places) == summary["places"] and not places.duplicated(["document", "start", "end"]).any()
    assert len(read(out, "claims")) == summary["claims"]
    assert not list(out.rglob("*.tmp"))
    assert len((out / "errors.jsonl").read_text().splitlines()) == 2


@pytest.mark.slow
def test_changed_input_is_recomputed_and_stale_parts_removed(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path)
    out = tmp_path / "out"
    run(corpus, out)
    lines = corpus.read_text().splitlines()
    corpus.write_text("\n".join(lines[:26]) + "\n")  # 24 documents: 7, 7, then 5, 3, 1, 1
    s = run(corpus, out)
    assert s["documents"] == 24 and s["partitions"] == 6 and s["partitions_resumed"] == 2
    assert len(list((out / "places").glob("*.parquet"))) == 6
    assert len(read(out, "places")) == s["places"]
    assert len(list(Store(out).done_dir.iterdir())) == 6


def _cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "geokit.batch", *args]


@pytest.mark.slow
def test_killed_mid_run_then_resumed(corpus: Path, full: tuple[Path, dict], tmp_path: Path) -> None:
    _, summary = full
    out = tmp_path / "out"
    args = _cmd(
        str(corpus), "-o", str(out), "--scheduler", "synchronous", "--partition-size", "2", "--no-progress"
    )
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if (out / "_done").is_dir() and any((out / "_done").glob("*.json")):
            break
        time.sleep(0.005)
    killed = proc.poll() is None
    if killed:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert killed, "the run ended before it could be killed"
    assert 1 <= len(list((out / "_done").glob("*.json"))) < N_DOCS // 2 + 1
    done = subprocess.run(args, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "Traceback" not in done.stderr  # broken lines do not fail a batch
    s = json.loads((out / "summary.json").read_text())
    assert s["partitions_resumed"] >= 1
    places = read(out, "places")
    assert len(places) == summary["places"] and not places.duplicated(["document", "start", "end"]).any()
    assert len(read(out, "claims")) == summary["claims"]
    assert len(read(out, "checks")) == summary["checks"]
    assert len((out / "errors.jsonl").read_text().splitlines()) == 2


@pytest.mark.slow
def test_command_line_names_bad_inputs(corpus: Path, tmp_path: Path) -> None:
    missing = tmp_path / "missing.jsonl"
    r = subprocess.run(
        _cmd(str(corpus), str(missing), "-o", str(tmp_path / "o"), "--scheduler", "sync", "--no-progress"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 1  # a whole input failed
    assert f"{corpus}:13" in r.stderr and str(missing) in r.stderr and "Traceback" not in r.stderr
    r = subprocess.run(
        _cmd(str(corpus), "-o", str(tmp_path / "o"), "--workers", "0"), capture_output=True, text=True
    )
    assert r.returncode == 1 and "workers" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.slow
def test_local_cluster_of_processes(corpus: Path, full: tuple[Path, dict], tmp_path: Path) -> None:
    _, summary = full
    s = run(corpus, tmp_path / "out", scheduler=None, workers=2)
    assert {k: s[k] for k in ("documents", "places", "claims", "checks")} == {
        k: summary[k] for k in ("documents", "places", "claims", "checks")
    }


@pytest.mark.slow
def test_local_workers_run_without_the_profiler() -> None:
    """The LocalCluster geokit starts has its profiler off and slower monitors; this process does not."""
    import dask

    from geokit.batch.run import LOCAL_CLUSTER_CONFIG, _Distributed

    keys = list(LOCAL_CLUSTER_CONFIG)
    with _Distributed("processes", 1) as executor:
        seen = executor.client.run(lambda: [dask.config.get(k) for k in keys])
    assert list(seen.values()) == [list(LOCAL_CLUSTER_CONFIG.values())]
    assert dask.config.get("distributed.worker.profile.enabled") is True  # this process keeps its own


def test_importing_batch_does_not_import_dask() -> None:
    code = (
        "import sys, geokit.batch, geokit.cli; "
        "print(any(m.startswith(('dask', 'distributed')) for m in sys.modules))"
    )
    assert (
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "False"
    )


def test_saved_claims_refuse_foreign_classes(tmp_path: Path) -> None:
    store = Store(tmp_path)
    store.prepare()
    (store.state_dir / "x.pkl").write_bytes(pickle.dumps(([], {"a": Path("/")})))
    with pytest.raises(DataError):
        store.read_state("x")


def test_empty_input_gives_empty_datasets(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n")
    s = run(empty, tmp_path / "out")
    assert s["documents"] == s["places"] == s["partitions"] == 0
    for dataset in ("places", "claims", "estimates", "checks"):
        assert len(read(tmp_path / "out", dataset)) == 0


# -- analyst corrections ----------------------------------------------------------------------------


def doc_text(corpus: Path, doc_id: str) -> str:
    for line in corpus.read_text().splitlines():
        try:
            obj = json.loads(line)
        except ValueError:
            continue
        if obj.get("id") == doc_id:
            return obj["text"]
    raise AssertionError(doc_id)


def place_id(places: gpd.GeoDataFrame, name: str) -> str:
    return str(places.loc[places["text"] == name, "id"].iloc[0])


@pytest.fixture(scope="module")
def corrected(
    corpus: Path, full: tuple[Path, dict], tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, Path, dict, Corrections]:
    """A run with a `choose` (doc0's Sirte is Tripoli), a bad span and an unknown document."""
    folder = tmp_path_factory.mktemp("corrected")
    places = read(full[0], "places")
    sirte = doc_text(corpus, "doc0").index("Sirte")
    fixes_path = folder / "fixes.json"
    Corrections().choose(
        "doc0", sirte, sirte + 5, place_id(places, "Tripoli"), note="the other one"
    ).not_a_place("doc3", 0, 3).not_a_place("nowhere", 0, 5).save(fixes_path)
    fixes = load_corrections(fixes_path)
    out = folder / "out"
    return out, fixes_path, run(corpus, out, corrections=fixes), fixes


@pytest.mark.slow
def test_choose_correction_changes_place_and_moves_estimate(
    corpus: Path, full: tuple[Path, dict], corrected: tuple, capsys: pytest.CaptureFixture
) -> None:
    from geokit.cli import main
    from geokit.corrections import apply_corrections
    from geokit.pipeline import analyse

    out0, summary0 = full
    out, fixes_path, _, fixes = corrected
    places0, places = read(out0, "places"), read(out, "places")
    tripoli = place_id(places0, "Tripoli")
    sirte = doc_text(corpus, "doc0").index("Sirte")
    # same rows as `geokit parse --corrections`, one of them changed and marked
    capsys.readouterr()
    assert main(["parse", str(corpus), "--json", "--corrections", str(fixes_path)]) == 1
    parsed = json.loads(capsys.readouterr().out)
    assert len(places) == len(places0) == sum(len(d["places"]) for d in parsed["documents"])
    assert list(places.columns[:-2]) == list(places0.columns[:-2])  # old columns unchanged
    row = places[(places["document"] == "doc0") & (places["start"] == sirte)].iloc[0]
    assert row["id"] == tripoli and row["text"] == "Sirte"
    marker = json.loads(row["corrected"])
    assert marker["action"] == "choose" and marker["original"]["id"] == "geonames:2210554"
    assert marker["note"] == "the other one" and places["corrected"].notna().sum() == 1
    # the claim anchored on that mention, and its estimate, follow the correction
    claims0, claims = read(out0, "claims"), read(out, "claims")
    claim = claims[claims["document"] == "doc0"].iloc[0]
    assert claim["anchor_id"] == tripoli and json.loads(claim["corrected"])["action"] == "recomputed"
    assert claims0.loc[claims0["id"] == claim["id"], "anchor_id"].iloc[0] == "geonames:2210554"
    assert len(claims) == summary0["claims"] and claims["corrected"].notna().sum() == 1
    est0, est = read(out0, "estimates"), read(out, "estimates")
    before = est0[est0["claim"] == claim["id"]].iloc[0]
    after = est[est["claim"] == claim["id"]].iloc[0]
    assert abs(after["lon"] - before["lon"]) > 2  # Tripoli is ~370 km west of Sirte
    # the same as correcting the whole corpus in memory: estimates and corpus-wide checks
    expected = apply_corrections(analyse([corpus]), fixes)
    e = expected.estimates[claim["id"]]
    assert (round(after["lat"], 6), round(after["lon"], 6)) == (round(e.lat, 6), round(e.lon, 6))
    checks = read(out, "checks")
    want = [k.to_dict() for t in expected.targets for k in t.checks]
    assert list(zip(checks["a"], checks["b"], checks["verdict"], strict=True)) == [
        (k["a"], k["b"], k["verdict"]) for k in want
    ]
    checks0 = read(out0, "checks")
    assert list(zip(checks["a"], checks["b"], checks["verdict"], strict=True)) != list(
        zip(checks0["a"], checks0["b"], checks0["verdict"], strict=True)
    )  # doc0's camp, now 45 km from Tripoli, is no longer the camp near Sirte


def test_correction_errors_go_to_errors_jsonl(
    corpus: Path, corrected: tuple, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    out, fixes_path, summary, _ = corrected
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    assert [(e["line"], e["id"]) for e in errors if "kind" not in e] == [(13, None), (20, "poison")]
    wrong = [e for e in errors if e.get("kind") == "correction"]
    assert [(e["file"], e["id"], e["error"][:8]) for e in wrong] == [
        (str(fixes_path), "doc3", "entry 2:"),  # found by its partition: no mention there
        (str(fixes_path), "nowhere", "entry 3:"),  # found after all partitions: no such document
    ]
    assert "no place mention at 0-3" in wrong[0]["error"] and "no document 'nowhere'" in wrong[1]["error"]
    assert summary["errors"] == 4 and summary["corrections"] == 3
    # on the command line: named on stderr, and the status says not everything applied
    from geokit.batch.__main__ import main

    args = [str(corpus), "-o", str(tmp_path / "o"), "--scheduler", "sync", "--no-progress"]
    capsys.readouterr()
    assert main([*args, "--corrections", str(fixes_path)]) == 1
    err = capsys.readouterr().err
    assert f"geokit: correction not applied: {fixes_path}: entry 3: " in err and "'nowhere'" in err
    assert f"geokit: skipped {corpus}:13: " in err
    assert main([*args, "--corrections", str(tmp_path / "missing.json")]) == 1  # refused up front
    assert "missing.json: no such file" in capsys.readouterr().err


@pytest.mark.slow
def test_changed_corrections_recompute_only_their_partitions(
    corpus: Path, full: tuple[Path, dict], corrected: tuple, tmp_path: Path
) -> None:
    done, fixes_path, summary, _ = corrected
    out = tmp_path / "out"
    shutil.copytree(done, out)
    again = run(corpus, out, corrections=load_corrections(fixes_path))
    assert again["partitions_resumed"] == N_PARTS
    keys = ("documents", "places", "claims", "estimates", "checks", "errors")
    assert {k: again[k] for k in keys} == {k: summary[k] for k in keys}
    # another choice for doc0 (partition 0) and a new correction of doc20 (partition 2)
    places = read(out, "places")
    sirte = doc_text(corpus, "doc0").index("Sirte")
    mosul = doc_text(corpus, "doc20").index("Mosul")
    changed = Corrections().choose("doc0", sirte, sirte + 5, place_id(places, "Baghdad"))
    changed.not_a_place("doc3", 0, 3).not_a_place("nowhere", 0, 5).not_a_place("doc20", mosul, mosul + 5)
    s = run(corpus, out, corrections=changed)
    assert s["partitions_resumed"] == N_PARTS - 2 and s["partitions"] == N_PARTS
    places = read(out, "places")
    assert len(places) == summary["places"] and len(list(Store(out).done_dir.iterdir())) == N_PARTS
    assert place_id(places[places["document"] == "doc0"], "Sirte") == place_id(places, "Baghdad")
    dropped = places[(places["document"] == "doc20") & (places["start"] == mosul)].iloc[0]
    assert dropped["id"] is pd.NA and json.loads(dropped["corrected"])["action"] == "not-a-place"
    # no corrections at all: back to the uncorrected results, corrected partitions recomputed
    s = run(corpus, out)
    assert s["partitions_resumed"] == N_PARTS - 2 and s["places"] == full[1]["places"] and s["errors"] == 2
    assert read(out, "places")["corrected"].isna().all()


# -- speed without changing the outputs (#23 item 5) ---------------------------------------------


def test_places_rows_are_the_json_form_of_each_mention() -> None:
    """The places frame is built from each mention's JSON head (no alternatives), point by point."""
    from geokit.batch.frames import places_frame
    from geokit.model import Document, Mention
    from geokit.pipeline import DocumentResult, parse_documents

    text = "Fighting continued in Mosul and Raqqa, Syria; Zzyzxville said nothing."
    result = next(parse_documents([Document("d", text)]))
    nowhere = Mention("d", 0, 7, "Nowhere", reason="no candidate")
    results = [result, DocumentResult(Document("e", "Nowhere"), [nowhere])]
    frame = places_frame(results)
    mentions = [m for r in results for m in r.mentions]
    assert len(frame) == len(mentions) >= 3
    for (_, row), m in zip(frame.iterrows(), mentions, strict=True):
        d = m.to_dict()
        for col in ("start", "end", "text", "id", "name", "kind", "lat", "lon", "country", "score", "reason"):
            assert (pd.isna(row[col]) and d[col] is None) or row[col] == d[col], col
        if d["lat"] is None:
            assert row.geometry is None
        else:
            assert (row.geometry.x, row.geometry.y) == (d["lon"], d["lat"])


def test_a_repeated_region_is_drawn_once_and_estimates_do_not_change() -> None:
    """Claims on the same line anchor share one band; another line with the same id gets its own."""
    from shapely.geometry import LineString

    from geokit.estimates import estimate_claims
    from geokit.estimates.relations import line_band_region
    from geokit.model import Claim, Distance, Place

    def claim(i: str, place: Place) -> Claim:
        return Claim(i, i, "", 0, 0, "distance", "camp", place.name, anchor=place,
                     distance=Distance(10, "km", 10_000.0, "10"))  # fmt: skip

    line = LineString([(37.5, 36.5), (38.5, 36.5)])
    border = Place("b", "Border", "border", 36.5, 38.0, extent_m=50_000, geometry=line)
    line_band_region.cache_clear()  # type: ignore[attr-defined]
    fresh = estimate_claims([claim("x", border)])["x"]
    a, b = estimate_claims([claim("a", border)])["a"], estimate_claims([claim("b", border)])["b"]
    assert a.region is b.region  # drawn once
    assert a.region.equals_exact(fresh.region, 0.0) and (a.lat, a.lon, a.radius_m) == (
        fresh.lat,
        fresh.lon,
        fresh.radius_m,
    )
    assert a.components == fresh.components and a.components is not b.components
    moved = Place(
        "b", "Border", "border", 36.5, 38.0, extent_m=50_000, geometry=LineString([(37.5, 30), (38.5, 30)])
    )
    c = estimate_claims([claim("c", moved)])["c"]
    assert c.lat < 31 and not c.region.intersects(a.region)  # same id, other geometry: not a hit
