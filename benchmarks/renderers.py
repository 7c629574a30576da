"""vis-network (canvas, what the page uses) against sigma.js (WebGL) with graphology, on
the same full-corpus graph, in headless Chromium (issue 20: "measure both before
choosing").

    python benchmarks/renderers.py /tmp/bbc-store [--runs 3] [--json OUT]

The graph is read from a store or graph file with the HTML export's own
``network_data``. sigma, graphology and graphology-layout-forceatlas2 are installed with
npm into /tmp/sigma-build (never into the repository: nothing else needs them) and
bundled by esbuild into one minified IIFE (sigma ships modules for bundlers, no
script a page can load as it is).
Each renderer gets a bare page holding the same data (labels, colours, sizes, edges);
it measures:

- first paint of the page's overview (its 40 most connected entities and the edges between
  them): from navigation until the laid-out overview is drawn, each with its own layout
  (vis: the page's physics, forceAtlas2Based, 300 iterations; sigma: graphology's
  ForceAtlas2, 300 iterations);
- expand: a node of degree about 100 in the overview gets its neighbours added (placed on
  rings, as the page does), until they are drawn;
- the first draw of the 150 (what the page shows after an expansion), 1,500 and 5,000
  most connected nodes with the edges between
  them (fixed, seeded places), and then the frame time while zooming and panning over
  them: 60 steps driven by requestAnimationFrame, the camera moved at each; the interval
  between frames (16.7 ms at 60 fps) and the time spent in the renderer's draw call.

Chromium runs with the browser tests' flags (``--disable-gpu``): the canvas is drawn by
Skia in software, and WebGL is ANGLE on SwiftShader (software Vulkan); the page reports
the WebGL renderer string so the figures say so.
"""

from __future__ import annotations

import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

BUILD = Path("/tmp/sigma-build")
PACKAGES = ["sigma@4.0.4", "graphology@0.26.0", "graphology-layout-forceatlas2@0.10.1",
            "esbuild@0.28.2"]  # fmt: skip
ENTRY = """import Sigma from "sigma";
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
export { Sigma, Graph, forceAtlas2 };
"""
SIZES = (150, 1500, 5000)
STEPS = 60  # camera moves per zoom-and-pan measurement


def sigma_bundle() -> Path:
    """sigma + graphology + ForceAtlas2 as one minified script (made once, in /tmp)."""
    out = BUILD / "sigma-bundle.min.js"
    if out.exists():
        return out
    BUILD.mkdir(parents=True, exist_ok=True)
    if not (BUILD / "package.json").exists():
        (BUILD / "package.json").write_text('{"private": true}\n')
    subprocess.run(["npm", "install", "--no-audit", "--no-fund", *PACKAGES], cwd=BUILD,
                   check=True)  # fmt: skip
    (BUILD / "entry.js").write_text(ENTRY)
    subprocess.run([str(BUILD / "node_modules/.bin/esbuild"), "entry.js", "--bundle",
                    "--minify", "--format=iife", "--global-name=kgSigma", "--target=es2019",
                    f"--outfile={out.name}"], cwd=BUILD, check=True)  # fmt: skip
    return out


def bench_data(source: Path) -> dict:
    """The nodes (most connected first) and distinct linked pairs of the whole graph, the
    page's overview, a node of degree ~100 in it, and seeded places for the big views."""
    from kg.export.html import network_data
    from kg.query import load_source

    data = network_data(load_source(source))
    nodes = sorted(data["nodes"], key=lambda n: (-n["degree"], n["id"]))
    index = {n["id"]: i for i, n in enumerate(nodes)}
    pairs = sorted({tuple(sorted((index[e["from"]], index[e["to"]]))) for e in data["edges"]
                    if e["from"] != e["to"]})  # fmt: skip
    opening = sorted(index[i] for i in data["opening"])
    near = {i: [] for i in range(len(nodes))}
    for a, b in pairs:
        near[a].append(b)
        near[b].append(a)
    hub = min((i for i in opening if 90 <= len(near[i]) <= 110),
              key=lambda i: abs(len(near[i]) - 100), default=None)  # fmt: skip
    if hub is None:  # none in the overview: the one closest to 100 neighbours
        hub = min(range(len(nodes)), key=lambda i: abs(len(near[i]) - 100))
    rnd = random.Random(7)
    side = 12 * int(max(SIZES) ** 0.5) * 10
    return {
        "nodes": [[n["label"], n["color"], n["size"]] for n in nodes],
        "pairs": pairs, "opening": opening, "hub": hub, "hub_near": near[hub][:100],
        "places": [[rnd.uniform(0, side), rnd.uniform(0, side)] for _ in range(max(SIZES))],
    }  # fmt: skip


DRIVERS = Path(__file__).with_name("renderer_pages")  # common.js, then vis.js or sigma.js
PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{name}</title></head>
<body style="margin:0"><div id="net" style="position:absolute;inset:0"></div>
<script type="application/json" id="data">{data}</script>
<script>{lib}</script><script>{driver}</script></body></html>"""


def pages(data: dict, folder: Path) -> dict[str, Path]:
    from kg.export.html import _safe_json, _vis_assets

    vis_js, _ = _vis_assets()
    out = {}
    common = (DRIVERS / "common.js").read_text()
    for name, lib, driver in (("vis-network", vis_js, "vis.js"),
                              ("sigma", sigma_bundle().read_text(), "sigma.js")):  # fmt: skip
        path = folder / f"{name}.html"
        script = common + (DRIVERS / driver).read_text()
        lib = lib.replace("</script", "<\\/script")
        path.write_text(PAGE.format(name=name, data=_safe_json(data), driver=script, lib=lib))
        out[name] = path
    return out


def measure(browser, path: Path) -> dict:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    page.wait_for_function("window.R && R.first !== undefined", timeout=120_000)
    out = {"first_paint_ms": round(page.evaluate("R.first"), 1), "webgl": page.evaluate("R.gl")}
    print(f"  {path.stem}: first paint {out['first_paint_ms']:.0f} ms ({out['webgl']})",
          flush=True)  # fmt: skip
    ms, added = page.evaluate("R.expand()")
    out |= {"expand_ms": round(ms, 1), "expand_added": added}
    for n in SIZES:
        ms, m = page.evaluate(f"R.show({n})")
        intervals, draws = page.evaluate(f"R.pan({STEPS})")
        print(f"  {path.stem} {n}: first draw {ms:.0f} ms, frame median "
              f"{statistics.median(intervals):.0f} ms", flush=True)  # fmt: skip
        out[f"show_{n}"] = {"edges": m, "first_draw_ms": round(ms, 1),
                            "frame_ms_median": round(statistics.median(intervals), 1),
                            "frame_ms_p95": round(sorted(intervals)[int(0.95 * len(intervals))], 1),
                            "draw_ms_median": round(statistics.median(draws), 2) if draws else None,
                            "frames": len(intervals), "draws": len(draws)}  # fmt: skip
    out["errors"] = errors
    page.close()
    return out


def main(argv: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    from tests.conftest import ARGS

    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 3
    started = time.perf_counter()
    data = bench_data(Path(argv[0]))
    print(f"graph: {len(data['nodes'])} nodes, {len(data['pairs'])} linked pairs; overview "
          f"{len(data['opening'])}; expanded node: {len(data['hub_near'])} neighbours "
          f"({time.perf_counter() - started:.0f} s to read)", flush=True)  # fmt: skip
    results: dict[str, list] = {}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        files = pages(data, Path(tmp))
        for _ in range(runs):  # alternated, so that a busy moment hits both
            for name, path in files.items():
                # a fresh browser each time: SwiftShader's queued frames of the sigma
                # page kept the next page's first paint waiting (1.5-1.9 s against 0.3 s)
                browser = p.chromium.launch(executable_path=shutil.which("chromium"),
                                            args=ARGS)  # fmt: skip
                results.setdefault(name, []).append(measure(browser, path))
                browser.close()
    summary = {name: summarise(rs) for name, rs in results.items()}
    print(json.dumps(summary, indent=1))
    if "--json" in argv:
        Path(argv[argv.index("--json") + 1]).write_text(
            json.dumps({"summary": summary, "runs": results}, indent=1) + "\n"
        )
    return 0


def summarise(runs: list[dict]) -> dict:
    """Medians over the runs."""

    def med(get):
        xs = [get(r) for r in runs if get(r) is not None]
        return round(statistics.median(xs), 1) if xs else None

    out = {"webgl": runs[0]["webgl"], "errors": sum(len(r["errors"]) for r in runs),
           "first_paint_ms": med(lambda r: r["first_paint_ms"]),
           "expand_ms": med(lambda r: r["expand_ms"]),
           "expand_added": runs[0]["expand_added"]}  # fmt: skip
    for n in SIZES:
        k = f"show_{n}"
        out[k] = {"edges": runs[0][k]["edges"]} | {
            m: med(lambda r, k=k, m=m: r[k][m])
            for m in ("first_draw_ms", "frame_ms_median", "frame_ms_p95", "draw_ms_median")
        }
    return out


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
