"""Map scale: 100,000 estimates with regions, geokit's packed layers against naive folium.

Prints the HTML size, the time to build it, and the time to first paint / to layers drawn in
headless Chromium (selenium + the Debian chromedriver). Goals: <= 25 MB and <= 5 s.
"Layers drawn" is two animation frames after the page's ``load`` event: every layer that is on
at opening has been drawn by then (Leaflet's canvas redraw, requested as the layers are added,
runs in the first frame). Beside it, the renderer process's CPU time when the layers are drawn
(Chrome's ``ProcessTime`` metric): on a shared machine, a steadier figure than the wall time.

    python benchmarks/map_scale.py [--n 100000] [--documents 1000] [--naive-n 100000] [--keep DIR]
                                   [--no-basemap] [--repeat K]
    python benchmarks/map_scale.py --open old.html --open new.html --repeat 3

``--open`` only times existing pages (interleaved, ``--repeat`` rounds), to compare two builds.

``--no-basemap`` leaves geokit's offline basemap (and its mini-map) out, to see what it costs;
``--repeat`` opens each page K times (the machine's load makes single timings noisy).

The naive map is the obvious folium code: one ``folium.CircleMarker`` with a ``folium.Popup``
per estimate (points only: no regions, no lines), from the same data.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import shapely
from pyproj import Geod

from geokit.maps import Map
from geokit.model import Claim, Direction, Distance, Document, Estimate, Place

GEOD = Geod(ellps="WGS84")
PAINTED = """
<script>
window.addEventListener("load", function () {
  requestAnimationFrame(function () { requestAnimationFrame(function () {
    window.__drawn = performance.now();
  }); });
});
</script>
"""


def synthetic(n: int, documents: int, vertices: int = 64, seed: int = 0):
    rng = np.random.default_rng(seed)
    anchors = [
        Place(f"a:{i}", f"Town {i}", "city", float(lat), float(lon), extent_m=float(ext))
        for i, (lat, lon, ext) in enumerate(
            zip(rng.uniform(25, 38, 500), rng.uniform(30, 50, 500), rng.uniform(1000, 8000, 500), strict=True)
        )
    ]
    which = rng.integers(0, len(anchors), n)
    alat = np.array([anchors[i].lat for i in which])
    alon = np.array([anchors[i].lon for i in which])
    dist = rng.uniform(5_000, 80_000, n)
    az = rng.uniform(0, 360, n)
    elon, elat, _ = GEOD.fwd(alon, alat, az, dist)
    radius = rng.uniform(2_000, 30_000, n)
    ring_az = np.tile(np.linspace(0, 360, vertices, endpoint=False), n)
    rlon, rlat, _ = GEOD.fwd(
        np.repeat(elon, vertices), np.repeat(elat, vertices), ring_az, np.repeat(radius, vertices)
    )
    coords = np.stack([rlon, rlat], axis=1).reshape(n, vertices, 2)
    regions = shapely.polygons(coords)
    per_doc = int(np.ceil(n / documents))
    docs = []
    for d in range(documents):
        lo, hi = d * per_doc, min(n, (d + 1) * per_doc)
        if lo >= hi:
            break
        doc = Document(f"doc{d}", "", source=f"wire/{d}.txt")
        claims, ests = [], {}
        for k in range(lo, hi):
            a = anchors[which[k]]
            quote = (
                f"Fighters gathered about {dist[k] / 1000:.0f} km from {a.name}, "
                "a local official said on Monday."
            )
            c = Claim(
                f"c{k}",
                doc.id,
                quote,
                0,
                len(quote),
                "offset",
                "fighters",
                a.name,
                anchor=a,
                distance=Distance(round(dist[k] / 1000), "km", dist[k], f"{dist[k] / 1000:.0f} km"),
                direction=Direction("NE", az[k], 22.5),
                text=f"{dist[k] / 1000:.0f} km from {a.name}",
            )
            claims.append(c)
            ests[c.id] = Estimate(
                c.id,
                float(elat[k]),
                float(elon[k]),
                float(radius[k]),
                regions[k],
                "exact",
                {"distance_precision": 500.0, "direction": float(radius[k]) - 500.0},
            )
        docs.append((doc, claims, ests))
    return docs


def naive_html(docs, limit: int) -> str:
    import folium

    m = folium.Map(location=[31, 40], zoom_start=5)
    k = 0
    for _doc, claims, ests in docs:
        for c in claims:
            if k >= limit:
                break
            e = ests[c.id]
            folium.CircleMarker(
                [e.lat, e.lon], radius=4, popup=folium.Popup(c.quote), tooltip=c.target
            ).add_to(m)
            k += 1
    return m.get_root().render()


def paint_times(path: Path) -> tuple[float, float, float]:
    """Return first contentful paint, layers drawn and the renderer's CPU time until then (s)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--window-size=1200,800"):
        opts.add_argument(flag)
    driver = webdriver.Chrome(
        service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=opts
    )
    try:
        driver.set_page_load_timeout(600)
        driver.execute_cdp_cmd("Performance.enable", {"timeDomain": "threadTicks"})
        driver.get(path.resolve().as_uri())
        t_end = time.time() + 300
        drawn = None
        while time.time() < t_end and drawn is None:
            drawn = driver.execute_script("return window.__drawn || null")
            time.sleep(0.05)
        metrics = driver.execute_cdp_cmd("Performance.getMetrics", {})["metrics"]
        cpu = next((m["value"] for m in metrics if m["name"] == "ProcessTime"), float("nan"))
        fcp = driver.execute_script(
            "var e = performance.getEntriesByName('first-contentful-paint');"
            " return e.length ? e[0].startTime : null"
        )
        return (fcp or float("nan")) / 1000, (drawn or float("nan")) / 1000, float(cpu)
    finally:
        driver.quit()


def report(name: str, path: Path) -> None:
    """Open ``path`` once and print its timings."""
    fcp, drawn, cpu = paint_times(path)
    print(
        f"{name:12s}: first contentful paint {fcp:.2f} s, layers drawn {drawn:.2f} s, "
        f"renderer CPU {cpu:.2f} s",
        flush=True,
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--documents", type=int, default=1000)
    ap.add_argument("--naive-n", type=int, default=100_000)
    ap.add_argument("--keep", type=Path, default=None, help="write the HTML files here")
    ap.add_argument("--no-browser", action="store_true")
    ap.add_argument("--no-basemap", action="store_true", help="geokit's map without its offline basemap")
    ap.add_argument("--repeat", type=int, default=1, help="open each page this many times")
    ap.add_argument(
        "--open", type=Path, action="append", default=[], help="only time this existing page (repeatable)"
    )
    args = ap.parse_args()
    if args.open:
        for _ in range(max(1, args.repeat)):
            for path in args.open:
                report(str(path), path)
        return 0

    t = time.perf_counter()
    docs = synthetic(args.n, args.documents)
    print(f"synthetic data: {args.n:,} estimates in {len(docs):,} documents, {time.perf_counter() - t:.1f} s")
    out = args.keep or Path(tempfile.mkdtemp(prefix="geokit-mapscale-"))
    out.mkdir(parents=True, exist_ok=True)

    t = time.perf_counter()
    m = Map(basemap=not args.no_basemap)
    for doc, claims, ests in docs:
        m.add_document(doc, [], claims, ests)
    page = m.to_html()
    build_s = time.perf_counter() - t
    geokit_path = out / "geokit.html"
    geokit_path.write_text(page.replace("</body>", PAINTED + "</body>"), encoding="utf-8")
    print(
        f"geokit map : {len(page.encode()) / 1e6:7.1f} MB, built in {build_s:.1f} s "
        f"(points, regions and anchor lines, popups)"
    )

    t = time.perf_counter()
    naive = naive_html(docs, args.naive_n)
    naive_s = time.perf_counter() - t
    naive_path = out / "naive.html"
    naive_path.write_text(naive.replace("</body>", PAINTED + "</body>"), encoding="utf-8")
    n_naive = min(args.naive_n, args.n)
    print(
        f"naive folium: {len(naive.encode()) / 1e6:7.1f} MB, built in {naive_s:.1f} s "
        f"({n_naive:,} CircleMarkers with popups, no regions; CDN scripts, not offline)"
    )

    if not args.no_browser and shutil.which("chromium"):
        for _ in range(max(1, args.repeat)):
            for name, path in (("geokit", geokit_path), ("naive", naive_path)):
                report(name, path)
    else:
        print("browser timings skipped (no chromium)")
    if args.keep is None:
        shutil.rmtree(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
