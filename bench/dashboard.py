"""The mayor's dashboard and the exports at city scale, on SQLite and on PostgreSQL.

Run with ``make bench``. Each database holds the synthetic history of
``sidak demo generate --offices 500 --inspections 100000`` (about 4 million answers); it is
generated once and kept (SQLite in ``.bench/``, PostgreSQL in the database
``sidak_bench_100k``), since generating takes minutes. Then, per database:

- the whole dashboard page as the server makes it (every panel, charts, template), through
  the app with a city user logged in: the median of warm runs, for the default view (the
  last twelve months), all years, weeks instead of months, and one district;
- each panel's own time (median), to see where the page's time goes;
- a 100,000-row CSV export of the inspections, the same as XLSX, and the findings as CSV,
  each in a fresh process that reads the streamed response to the end, twice: the second
  run's wall time (the first, with a cold page cache, is shown beside it) and the process's
  peak memory.

Exits with 1 when a target is missed. ``--only sqlite`` or ``--only postgresql`` runs one.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIDAK = str(ROOT / ".venv" / "bin" / "sidak")
OFFICES, INSPECTIONS = 500, 100_000
SQLITE_FOLDER = ROOT / ".bench" / "dashboard-100k"
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
PG_NAME = "sidak_bench_100k"
TARGETS = {"dashboard_ms": 150.0, "csv_s": 5.0, "csv_mb": 200.0}
RUNS = 15


def databases(only: str | None) -> dict[str, dict]:
    found = {
        "SQLite": {
            "SIDAK_INSTANCE_PATH": str(SQLITE_FOLDER),
            "SIDAK_DATABASE_URL": f"sqlite:///{SQLITE_FOLDER}/sidak.sqlite3",
        },
        "PostgreSQL": {
            "SIDAK_INSTANCE_PATH": str(ROOT / ".bench" / "dashboard-pg"),
            "SIDAK_DATABASE_URL": f"postgresql://postgres@127.0.0.1:5432/{PG_NAME}",
        },
    }
    if only:
        return {name: env for name, env in found.items() if name.lower() == only.lower()}
    return found


def _environment(settings: dict) -> dict:
    return {**os.environ, **settings, "SIDAK_SECRET_KEY": "bench"}


def ensure_history(name: str, settings: dict) -> None:
    """Generate the 100,000 inspections once; later runs reuse them."""
    env = _environment(settings)
    Path(settings["SIDAK_INSTANCE_PATH"]).mkdir(parents=True, exist_ok=True)
    if name == "PostgreSQL":
        import psycopg

        with psycopg.connect(PG_ADMIN, autocommit=True) as connection:
            exists = connection.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", (PG_NAME,)
            ).fetchone()
            if not exists:
                connection.execute(f"CREATE DATABASE {PG_NAME}")
    subprocess.run([SIDAK, "db", "upgrade"], env=env, check=True, capture_output=True)
    count = _count_inspections(env)
    if count >= INSPECTIONS:
        return
    if count:
        sys.exit(f"{name}: the bench database holds {count} inspections; remove it and run again")
    print(f"{name}: generating {INSPECTIONS:,} inspections (once; takes minutes) ...", flush=True)
    began = time.monotonic()
    subprocess.run(
        [SIDAK, "demo", "generate", "--offices", str(OFFICES), "--inspections", str(INSPECTIONS)],
        env=env,
        check=True,
    )
    print(f"{name}: generated in {time.monotonic() - began:.0f} s", flush=True)


def _count_inspections(env: dict) -> int:
    code = (
        "from sidak.app import create_app\n"
        "from sidak.models import Inspection, db\n"
        "from sqlalchemy import func, select\n"
        "with create_app().app_context():\n"
        "    print(db.session.scalar(select(func.count()).select_from(Inspection)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True
    )
    return int(result.stdout.strip().splitlines()[-1])


def measure_pages(settings: dict) -> dict:
    """Dashboard page and panel timings, in a fresh process (its own app and database)."""
    result = subprocess.run(
        [sys.executable, __file__, "--pages"],
        env=_environment(settings),
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def _median_ms(call, runs: int = RUNS) -> float:
    call()  # warm: caches, the database's pages, the first query plans
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        call()
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def pages_in_this_process() -> dict:
    from flask import g

    from sidak.app import create_app
    from sidak.domain.analytics.filters import Step
    from sidak.models import Role, User, db
    from sidak.services.accounts import create_user
    from sidak.services.analytics import dashboard, queries
    from sidak.services.sanctions.ladder import city_today
    from sidak.web.dashboard.figures import for_dashboard
    from sidak.web.dashboard.forms import FilterForm, read_filter

    app = create_app({"WTF_CSRF_ENABLED": False})

    @app.before_request
    def fresh_g():
        for name in list(vars(g)):
            delattr(g, name)

    with app.app_context():
        if db.session.scalar(db.select(User).where(User.username == "bench.kota")) is None:
            create_user("bench.kota", "Bench Kota", "bench-kota-123", Role.CITY)
        client = app.test_client()
        client.post("/masuk", data={"username": "bench.kota", "password": "bench-kota-123"})
        district = db.session.scalar(db.text("SELECT district FROM offices LIMIT 1"))
        views = {
            "default (12 months)": {},
            "all years": {"dari": "2000-01-01"},
            "12 months by week": {"per": "minggu"},
            "one district": {"kecamatan": district},
        }
        out = {"pages": {}, "panels": {}}
        for name, args in views.items():

            def page(args=args):
                response = client.get("/dasbor", query_string=args)
                assert response.status_code == 200, response.status_code
                return response.get_data()

            out["pages"][name] = _median_ms(page)
        with app.test_request_context():
            f = read_filter(FilterForm(formdata=None), city_today())
            data = dashboard.build(f)
            panels = {
                "per office (ranking, districts, types)": lambda: queries.tallies(
                    f, "office", categories=False
                ),
                "city total with categories": lambda: queries.overall(f),
                "trend by month": lambda: dashboard.trend(f),
                "trend by week": lambda: dashboard.trend(f.with_(step=Step.WEEK)),
                "coverage (last visits)": lambda: queries.last_seen(f),
                "sanctions by state and age": lambda: dashboard.sanction_states(f),
                "actions by state and age": lambda: dashboard.action_states(f),
                "charts (4 SVGs)": lambda: for_dashboard(data, "id"),
                "all panels, no page": lambda: dashboard.build(f),
            }
            for name, call in panels.items():
                out["panels"][name] = _median_ms(call)
            out["inspections"] = data.total.inspections
    return out


def measure_export(settings: dict, kind: str, fmt: str) -> dict:
    result = subprocess.run(
        [sys.executable, __file__, "--export", kind, fmt],
        env=_environment(settings),
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def export_in_this_process(kind: str, fmt: str) -> dict:
    import resource

    from sidak.app import create_app
    from sidak.models import Role, User, db
    from sidak.services.accounts import create_user

    app = create_app({"WTF_CSRF_ENABLED": False})
    with app.app_context():
        if db.session.scalar(db.select(User).where(User.username == "bench.kota")) is None:
            create_user("bench.kota", "Bench Kota", "bench-kota-123", Role.CITY)
        client = app.test_client()
        client.post("/masuk", data={"username": "bench.kota", "password": "bench-kota-123"})
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        runs = []
        for _ in range(2):  # the first reads the database into the page cache; the second counts
            began = time.perf_counter()
            response = client.get(
                f"/dasbor/ekspor/{kind}.{fmt}", query_string={"dari": "2000-01-01"}
            )
            size, lines = 0, 0
            for chunk in response.response:
                size += len(chunk)
                lines += chunk.count(b"\n")
            response.close()
            runs.append(time.perf_counter() - began)
        seconds = runs[-1]
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "seconds": seconds,
        "first_seconds": runs[0],
        "peak_mb": peak,
        "before_mb": before,
        "bytes": size,
        "rows": lines - 1 if fmt == "csv" else None,
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only")
    parser.add_argument("--pages", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--export", nargs=2, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.pages:
        print(json.dumps(pages_in_this_process()))
        return 0
    if options.export:
        print(json.dumps(export_in_this_process(*options.export)))
        return 0

    missed = []
    for name, settings in databases(options.only).items():
        ensure_history(name, settings)
        pages = measure_pages(settings)
        exports = {
            (kind, fmt): measure_export(settings, kind, fmt)
            for kind, fmt in (("inspeksi", "csv"), ("inspeksi", "xlsx"), ("temuan", "csv"))
        }
        print(f"\n## {name}: {pages['inspections']:,} inspections in the last twelve months")
        print(f"{'dashboard page (median of ' + str(RUNS) + ' warm runs)':<48} {'ms':>9}  target")
        for view, ms in pages["pages"].items():
            ok = ms < TARGETS["dashboard_ms"]
            verdict = "ok" if ok else "MISSED"
            print(f"  {view:<46} {ms:>9.1f}  < {TARGETS['dashboard_ms']:.0f} {verdict}")
            if not ok:
                missed.append(f"{name} dashboard {view}")
        print(f"{'panel (median)':<48} {'ms':>9}")
        for panel, ms in pages["panels"].items():
            print(f"  {panel:<46} {ms:>9.1f}")
        heading = f"{'export (all years, fresh process)':<32} {'rows':>9} {'MB out':>8}"
        print(f"{heading} {'s':>7} {'first s':>8} {'peak MB':>8}")
        for (kind, fmt), e in exports.items():
            rows = f"{e['rows']:,}" if e["rows"] is not None else "-"
            print(
                f"  {kind + '.' + fmt:<30} {rows:>9} {e['bytes'] / 1e6:>8.1f} "
                f"{e['seconds']:>7.2f} {e['first_seconds']:>8.2f} {e['peak_mb']:>8.0f}"
            )
        csv = exports[("inspeksi", "csv")]
        if csv["seconds"] >= TARGETS["csv_s"] or csv["peak_mb"] >= TARGETS["csv_mb"]:
            missed.append(f"{name} CSV export")
        print(
            f"  targets: CSV of 100,000 rows < {TARGETS['csv_s']:.0f} s and "
            f"< {TARGETS['csv_mb']:.0f} MB peak: "
            f"{'ok' if f'{name} CSV export' not in missed else 'MISSED'}"
        )
    if missed:
        print("\nmissed: " + ", ".join(missed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
