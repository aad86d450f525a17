"""geokit batch on a dask cluster it did not start, and on object storage (moto's S3 server on loopback).

The cluster is a ``dask scheduler`` and two ``dask worker`` processes started here, on 127.0.0.1,
from another working directory than the client's, as a user would start them; the S3 store is
moto's server, in this process, on a free loopback port. Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import pytest
from test_batch import N_DOCS, write_corpus

from geokit.batch import run_batch
from geokit.batch.storage import StorageError, StorageOptions, parse_storage_options
from geokit.errors import InputError

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

KEY = ["document", "start", "end"]
SECRET = "geokit-test-secret-0042"  # must never appear in an output file or a message
START_TIMEOUT = 90.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(PYTHONUNBUFFERED="1", **extra)
    return env


def _stop(procs: list[subprocess.Popen[bytes]]) -> None:
    for p in procs:
        if p.poll() is None:
            p.send_signal(signal.SIGTERM)
    for p in procs:
        try:
            p.wait(timeout=3)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait(timeout=15)


def _start_worker(address: str, cwd: Path, log: Path) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "dask", "worker", address, "--nthreads", "1", "--no-nanny"]
    cmd += ["--no-dashboard", "--host", "127.0.0.1", "--local-directory", str(cwd)]
    return subprocess.Popen(cmd, cwd=cwd, env=_env(), stdout=subprocess.DEVNULL, stderr=open(log, "wb"))


def _wait_workers(address: str, n: int) -> None:
    from distributed import Client

    with Client(address, timeout="60s") as client:
        client.wait_for_workers(n, timeout=START_TIMEOUT)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """A dask scheduler and two workers on 127.0.0.1, started from a folder that is not the client's."""
    if importlib.util.find_spec("distributed.cli.dask_scheduler") is None:
        pytest.skip("distributed's command line (dask scheduler / dask worker) is not installed")
    elsewhere = tmp_path_factory.mktemp("cluster-cwd")
    file = elsewhere / "scheduler.json"
    procs: list[subprocess.Popen[bytes]] = []
    cmd = [sys.executable, "-m", "dask", "scheduler", "--host", "127.0.0.1", "--port", str(_free_port())]
    cmd += ["--no-dashboard", "--scheduler-file", str(file)]
    try:
        procs.append(
            subprocess.Popen(
                cmd,
                cwd=elsewhere,
                env=_env(),
                stdout=subprocess.DEVNULL,
                stderr=open(elsewhere / "s.log", "wb"),  # noqa: SIM115
            )
        )
        deadline = time.monotonic() + START_TIMEOUT
        while not file.is_file() or not file.read_text().strip():
            if procs[0].poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"dask scheduler did not start: {(elsewhere / 's.log').read_text()[-2000:]}")
            time.sleep(0.1)
        address = json.loads(file.read_text())["address"]
        procs += [_start_worker(address, elsewhere, elsewhere / f"w{i}.log") for i in range(2)]
        _wait_workers(address, 2)
        yield {"address": address, "cwd": elsewhere}
    finally:
        _stop(procs)


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("client")
    write_corpus(d)
    return d


@pytest.fixture(scope="module")
def local_places(corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    """The places of a run on the LocalCluster geokit starts itself (the reference)."""
    out = tmp_path_factory.mktemp("local") / "out"
    run_batch([corpus_dir / "corpus.jsonl"], out, workers=2, partition_size=7, progress=False)
    return _places(gpd.read_parquet(out / "places"))


def _places(frame: pd.DataFrame) -> pd.DataFrame:
    cols = [*KEY, "text", "id", "name", "lat", "lon"]
    return pd.DataFrame(frame[cols]).sort_values(KEY).reset_index(drop=True).astype(object)


def _geokit(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    code = "import sys; from geokit.cli import main; sys.exit(main(sys.argv[1:]))"
    cmd = [sys.executable, "-c", code, "batch", *args, "--no-progress"]
    return subprocess.run(cmd, cwd=cwd, env=env or _env(), capture_output=True, text=True, timeout=300)


def _assert_same_places(found: pd.DataFrame, reference: pd.DataFrame) -> None:
    found = _places(found)
    assert not found.duplicated(subset=KEY).any()
    assert len(found) == len(reference) > 0
    pd.testing.assert_frame_equal(found, reference)


# -- a cluster geokit did not start --------------------------------------------------------------


@pytest.mark.slow
def test_scheduler_started_elsewhere_with_relative_output(
    cluster: dict[str, Any], corpus_dir: Path, local_places: pd.DataFrame
) -> None:
    assert cluster["cwd"] != corpus_dir
    args = ["corpus.jsonl", "-o", "outs", "--scheduler", cluster["address"], "--partition-size", "7"]
    r = _geokit(*args, cwd=corpus_dir)
    assert r.returncode == 0, r.stderr  # broken lines are recorded, not fatal
    assert "Traceback" not in r.stderr
    _assert_same_places(gpd.read_parquet(corpus_dir / "outs" / "places"), local_places)
    assert not (cluster["cwd"] / "outs").exists()  # nothing landed in the workers' own folder
    summary = json.loads((corpus_dir / "outs" / "summary.json").read_text())
    assert summary["documents"] == N_DOCS and summary["errors"] == 2
    from distributed import Client

    with Client(cluster["address"], timeout="60s") as client:  # the workers outlive the run
        held = client.run(lambda: len(__import__("geokit.batch.worker", fromlist=["_STATE"])._STATE))
    assert len(held) == 2 and not any(held.values())  # the checks stage let go of the claims


@pytest.mark.slow
def test_unreachable_scheduler_is_an_input_error_before_any_work(
    tmp_path: Path, corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import geokit.batch.run as run

    monkeypatch.setattr(run, "CONNECT_TIMEOUT", "2s")
    out = tmp_path / "out"
    with pytest.raises(InputError, match="cannot reach the dask scheduler"):
        run_batch(
            [corpus_dir / "corpus.jsonl"], out, scheduler=f"tcp://127.0.0.1:{_free_port()}", progress=False
        )
    assert not out.exists()


class _FakeClient:
    """Answers ``run`` as workers on another host would: they do not see the client's folder."""

    def run(self, fn: Any, *args: Any) -> dict[str, str | None]:
        return {"tcp://10.0.0.7:40000": "on host node-7: /x does not hold the file the client wrote"}


def test_local_output_unseen_by_workers_is_refused_naming_the_fix(tmp_path: Path) -> None:
    from geokit.batch.run import _check_workers
    from geokit.batch.store import Store

    store = Store(tmp_path / "out")
    store.prepare()
    with pytest.raises(StorageError, match=r"shared file system.*s3://") as err:
        _check_workers(_FakeClient(), store)
    assert "tcp://10.0.0.7:40000" in str(err.value) and str(tmp_path / "out") in str(err.value)
    assert not list((tmp_path / "out").glob("_probe-*"))  # the probe is removed


# -- object storage (moto's S3 server on loopback) -----------------------------------------------


@pytest.fixture(scope="module")
def s3(corpus_dir: Path) -> Iterator[dict[str, Any]]:
    """moto's S3 server on a free loopback port, a bucket with the corpus, and the options to reach it."""
    server_mod = pytest.importorskip("moto.server", reason="moto[server] is not installed (dev extra)")
    pytest.importorskip("s3fs", reason="s3fs is not installed")
    import s3fs

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    port = _free_port()
    server = server_mod.ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    options = {"key": "geokit-test-key", "secret": SECRET, "endpoint_url": f"http://127.0.0.1:{port}"}
    try:
        fs = s3fs.S3FileSystem(**options)
        fs.mkdir("corpora")
        fs.put_file(str(corpus_dir / "corpus.jsonl"), "corpora/in/corpus.jsonl")
        yield {"options": options, "fs": fs, "endpoint": options["endpoint_url"]}
    finally:
        server.stop()


def _s3_args(s3: dict[str, Any]) -> list[str]:
    return [f"--storage-option=endpoint_url={s3['endpoint']}"]


def _no_secret(*texts: str) -> None:
    for t in texts:
        assert SECRET not in t


@pytest.mark.slow
def test_object_store_on_cluster_with_killed_worker_then_resume(
    cluster: dict[str, Any], s3: dict[str, Any], local_places: pd.DataFrame, tmp_path: Path
) -> None:
    """Inputs and output on S3, workers started elsewhere; a worker killed mid-run; then a resume."""
    fs = s3["fs"]
    fs.mkdir("results")
    extra = _start_worker(cluster["address"], cluster["cwd"], cluster["cwd"] / "w-extra.log")
    try:
        _wait_workers(cluster["address"], 3)
        args = ["s3://corpora/in", "-o", "s3://results/run", "--scheduler", cluster["address"]]
        args += ["--partition-size", "3", *_s3_args(s3)]
        args += [f"--storage-option=key={s3['options']['key']}", f"--storage-option=secret={SECRET}"]
        cmd = [sys.executable, "-c", "import sys; from geokit.cli import main; sys.exit(main(sys.argv[1:]))"]
        proc = subprocess.Popen(
            [*cmd, "batch", *args, "--no-progress"],
            cwd=tmp_path,
            env=_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            fs.invalidate_cache()
            if len(fs.ls("results/run/_done", detail=False) if fs.exists("results/run/_done") else []) >= 2:
                break
            time.sleep(0.05)
        assert proc.poll() is None, "the run ended before a worker could be killed"
        extra.kill()  # mid-run: the scheduler gives its tasks to the two others
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        _no_secret(out, err)
    finally:
        _stop([extra])
    options = s3["options"]
    _assert_same_places(gpd.read_parquet("s3://results/run/places", storage_options=options), local_places)
    summary = fs.cat_file("results/run/summary.json").decode()
    errors = fs.cat_file("results/run/errors.jsonl").decode()
    _no_secret(summary, errors)
    assert json.loads(summary)["documents"] == N_DOCS and len(errors.splitlines()) == 2
    assert "s3://corpora/in/corpus.jsonl" in errors
    # run again (in Python, options given there): every partition is resumed, nothing is doubled
    again = run_batch(
        ["s3://corpora/in"], "s3://results/run", scheduler=cluster["address"], partition_size=3,
        progress=False, storage_options=options,
    )  # fmt: skip
    assert again["partitions_resumed"] == again["partitions"] == json.loads(summary)["partitions"]
    assert again == {**json.loads(fs.cat_file("results/run/summary.json")), "error_list": again["error_list"]}
    _assert_same_places(gpd.read_parquet("s3://results/run/places", storage_options=options), local_places)


@pytest.mark.slow
def test_object_store_in_python_credentials_from_environment(
    s3: dict[str, Any], local_places: pd.DataFrame, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", s3["options"]["key"])
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", SECRET)
    s3["fs"].mkdir("python-run")
    options = {"endpoint_url": s3["endpoint"]}
    s = run_batch(
        ["s3://corpora/in/corpus.jsonl"], "s3://python-run/out", scheduler="synchronous", progress=False,
        partition_size=7, storage_options=options,
    )  # fmt: skip
    assert s["documents"] == N_DOCS and s["partitions_resumed"] == 0
    _assert_same_places(
        gpd.read_parquet("s3://python-run/out/places", storage_options=s3["options"]), local_places
    )


@pytest.mark.slow
def test_missing_bucket_is_refused_before_any_work(s3: dict[str, Any], corpus_dir: Path) -> None:
    r = _geokit(
        "corpus.jsonl", "-o", "s3://no-such-bucket/out", "--scheduler", "synchronous", *_s3_args(s3),
        f"--storage-option=key={s3['options']['key']}", f"--storage-option=secret={SECRET}",
        cwd=corpus_dir,
    )  # fmt: skip
    assert r.returncode == 1
    assert (
        "geokit: error: cannot write to s3://no-such-bucket/out: the bucket or folder does not exist"
        in r.stderr
    )
    assert "Traceback" not in r.stderr
    _no_secret(r.stderr)
    assert not s3["fs"].exists("no-such-bucket")


def test_storage_options_parse_and_stay_hidden() -> None:
    o = parse_storage_options(["key=AK", f"secret={SECRET}", "anon=false", "client_kwargs.region_name=x"])
    assert o == {"key": "AK", "secret": SECRET, "anon": False, "client_kwargs": {"region_name": "x"}}
    assert SECRET not in repr(o) and SECRET not in str(StorageOptions(o))
    with pytest.raises(InputError, match="KEY=VALUE"):
        parse_storage_options(["no-equals-sign"])


def test_unknown_protocol_names_the_package(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="no-such-proto"):
        run_batch([tmp_path], "no-such-proto://bucket/out", scheduler="synchronous", progress=False)


@pytest.fixture(scope="module")
def s3_with_auth(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """A moto S3 server that checks credentials: a bucket, and the keys of a user who may only read it."""
    pytest.importorskip("moto.server", reason="moto[server] is not installed (dev extra)")
    boto3 = pytest.importorskip("boto3")
    import urllib.request

    port = _free_port()
    endpoint = f"http://127.0.0.1:{port}"
    cmd = [sys.executable, "-c", "from moto.server import main; main()", "-H", "127.0.0.1", "-p", str(port)]
    # the first 4 requests (bucket, user, policy, keys) need no credentials; every later one does
    env = _env(INITIAL_NO_AUTH_ACTION_COUNT="4")
    log = tmp_path_factory.mktemp("moto") / "moto.log"
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=open(log, "wb"))  # noqa: SIM115
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                urllib.request.urlopen(f"{endpoint}/moto-api/", timeout=2).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"moto_server did not start: {log.read_text()[-2000:]}")
                time.sleep(0.1)
        kw = {"endpoint_url": endpoint, "region_name": "us-east-1"}
        kw |= {"aws_access_key_id": "setup", "aws_secret_access_key": "setup"}
        boto3.client("s3", **kw).create_bucket(Bucket="locked")
        iam = boto3.client("iam", **kw)
        iam.create_user(UserName="reader")
        policy = {"Effect": "Allow", "Action": ["s3:Get*", "s3:List*"], "Resource": "*"}
        iam.put_user_policy(
            UserName="reader",
            PolicyName="read-only",
            PolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [policy]}),
        )
        key = iam.create_access_key(UserName="reader")["AccessKey"]
        yield {"endpoint": endpoint, "reader": {"key": key["AccessKeyId"], "secret": key["SecretAccessKey"]}}
    finally:
        _stop([proc])


@pytest.mark.slow
@pytest.mark.parametrize("who", ["wrong credentials", "read-only credentials"])
def test_refused_credentials_are_a_storage_error_before_any_work(
    s3_with_auth: dict[str, Any], corpus_dir: Path, who: str
) -> None:
    creds = (
        s3_with_auth["reader"] if who == "read-only credentials" else {"key": "AKIAWRONG", "secret": SECRET}
    )
    options = {**creds, "endpoint_url": s3_with_auth["endpoint"]}
    with pytest.raises(StorageError, match=r"cannot write to s3://locked/out: permission denied") as err:
        run_batch(
            [corpus_dir / "corpus.jsonl"], "s3://locked/out", scheduler="synchronous", progress=False,
            storage_options=options,
        )  # fmt: skip
    assert creds["secret"] not in str(err.value)
    import s3fs

    reader = s3fs.S3FileSystem(**s3_with_auth["reader"], endpoint_url=s3_with_auth["endpoint"])
    assert reader.ls("locked", detail=False) == []  # nothing half-written
