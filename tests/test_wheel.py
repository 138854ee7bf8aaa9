"""The wheel, installed as a researcher installs it: built from this checkout, put into a new virtual environment in
a temporary folder, and used from a folder that holds its own ``app.py`` (a notebook's), far from the checkout.

Slow (building the wheel takes a while): it is left out of ``scripts/test --fast``. The new environment gets the
wheel alone (``--no-deps``) and sees this environment's dependencies through a ``.pth`` line, so the test does not
download the dependency tree again; ``pip check`` then proves they satisfy the wheel's own requirements.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow

SHADOW = 'raise SystemExit("the folder\'s own app.py was imported instead of the installed package")\n'


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built from a copy of the files git tracks, as a release is: a checkout's own leftovers (setuptools' build/
    from an older layout once shipped app/ beside anklekg/) must not decide what the wheel holds."""
    source = ROOT  # a lone copy (.ci/run) is not a git checkout and holds the tracked files only
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True)
    if tracked.returncode == 0:
        source = tmp_path_factory.mktemp("source") / "anklekg"
        for name in filter(None, tracked.stdout.decode().split("\0")):
            if (ROOT / name).is_file():
                (source / name).parent.mkdir(parents=True, exist_ok=True)
                (source / name).write_bytes((ROOT / name).read_bytes())
    out = tmp_path_factory.mktemp("wheel")
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(out), str(source)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    (found,) = out.glob("anklekg-*.whl")
    return found


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel installed; returns its python."""
    home = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(with_pip=False).create(home)
    python = home / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    # this environment's packages, for the dependencies (and pip); the editable install of the checkout is a
    # .pth file there, which a directory named in a .pth line does not run, so the checkout stays out of sight
    Path(purelib, "dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    pip = [str(python), "-m", "pip", "--disable-pip-version-check"]
    done = subprocess.run([*pip, "install", "--no-deps", "--quiet", str(wheel)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    check = subprocess.run([*pip, "check"], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    return python


def run(python: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run([str(python), *args], cwd=cwd, capture_output=True, text=True, timeout=300, env=env)


def test_the_wheel_holds_every_module_and_data_file_under_anklekg(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    code = {f"anklekg/{p.relative_to(ROOT / 'app')}" for p in (ROOT / "app").rglob("*.py")}
    data = {f"anklekg/data/{p.relative_to(ROOT / 'data')}" for p in (ROOT / "data").rglob("*") if p.is_file()}
    assert code <= names and data <= names, sorted((code | data) - names)
    # the pages' scripts and the vendored libraries with their licences (Chart.js for the query page's chart view)
    static = ROOT / "app" / "web" / "static"
    web = {f"anklekg/{p.relative_to(ROOT / 'app')}" for p in static.rglob("*") if p.is_file()}
    assert {"anklekg/web/static/vendor/chart.js-4.6.1/chart.umd.min.js", "anklekg/web/static/query-chart.js",
            "anklekg/web/static/vendor/chart.js-4.6.1/LICENSE"} <= web  # fmt: skip
    assert web <= names, sorted(web - names)
    assert not any(n.startswith("app/") for n in names), "the code must install as anklekg only"


def test_import_anklekg_answers_from_a_folder_with_its_own_app_py(installed: Path, tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(SHADOW, encoding="utf-8")
    code = """
import anklekg
from pathlib import Path
kg = anklekg.load()
assert Path(anklekg.__file__).parent == Path(kg.settings.data_dir).parent, (anklekg.__file__, kg.settings.data_dir)
report = kg.impact("ATFL")
print(anklekg.__file__)
print(report.destabilised_motions[0].motion.label)
print(type(report).__module__, report._repr_html_()[:28])
try:
    kg.entity("ATFX")
except anklekg.UnknownTerm as exc:
    print(exc)
"""
    result = run(installed, tmp_path, "-c", code)
    assert result.returncode == 0, result.stderr
    where, motion, kind, unknown = result.stdout.splitlines()
    assert where.startswith(str(installed.parent.parent)) and "site-packages/anklekg/" in where
    assert motion == "anterior talar translation"
    assert kind == 'anklekg.reasoning.impact.models <div class="anklekg-answer">'
    assert "did you mean: anterior talofibular ligament (ANKLE:0000016)" in unknown


def test_the_installed_command_and_python_m_anklekg_answer(installed: Path, tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(SHADOW, encoding="utf-8")
    command = installed.parent / "anklekg"
    impact = subprocess.run([str(command), "impact", "ATFL"], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert impact.returncode == 0, impact.stderr
    assert impact.stdout.startswith("Injured: anterior talofibular ligament (grade 3)\n")
    version = run(installed, tmp_path, "-m", "anklekg", "--version")
    assert version.returncode == 0 and version.stdout.startswith("anklekg ")
