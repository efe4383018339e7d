from __future__ import annotations

import subprocess
import sys
import zipfile

from tests.conftest import ROOT


def test_wheel_ships_the_rule_packs(tmp_path):
    """A plain `pip install .` must find rules/ inside the package, as lint/packs."""
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
    )
    [wheel] = tmp_path.glob("newslint-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    data = {p.relative_to(ROOT / "rules").as_posix() for p in (ROOT / "rules").rglob("*.yaml")}
    assert "lexicons/attribution.yaml" in data  # rule data files ship too, not only packs
    assert {f"lint/packs/{p}" for p in data} <= names
    assert "lint/starter.yaml" in names
