from __future__ import annotations

import csv
import io
import json

from lint.claims import CSV_COLUMNS, claims
from lint.readers import parse
from tests.conftest import SEED


def seed_claims(cli, *args):
    result = cli(["claims", SEED.parent, *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def by_text(items, needle):
    return next(c for c in items if needle in c["sentence"])


def test_json_lists_the_seed_claims_with_their_attributions(cli):
    data = json.loads(seed_claims(cli, "--format", "json"))
    assert data["errors"] == []
    [entry] = data["files"]
    assert entry["path"].endswith(SEED.name)
    items = entry["claims"]

    first = items[0]
    assert first["dateline"] is True and first["line"] == 10
    assert first["attribution"]["speaker"] == "AFP correspondents and a local source"
    assert first["attribution"]["cue"] == "said"

    quote = by_text(items, "They're coming")
    assert "quote" in quote["kinds"]
    assert (quote["attribution"]["speaker"], quote["attribution"]["cue"]) == ("the source", "told")

    observatory = by_text(items, "Syrian Observatory")
    assert observatory["attribution"]["cue"] == "says"
    assert observatory["attribution"]["speaker"].startswith("The Syrian Observatory for Human Rights")

    anonymous = by_text(items, "A source who took part")
    assert "anonymous-source" in anonymous["kinds"] and anonymous["attribution"]["anonymous"] is True

    assert "causal" in by_text(items, "triggered a deadly")["kinds"]
    superlative = by_text(items, "first time in years")
    assert superlative["kinds"] == ["superlative"] and superlative["attribution"] is None


def test_attribution_spans_point_into_the_file(cli):
    data = json.loads(seed_claims(cli, "--format", "json"))
    source = SEED.read_text(encoding="utf-8")
    for c in data["files"][0]["claims"]:
        assert source[c["start"]:c["end"]] == c["sentence"]
        a = c["attribution"]
        if a:
            assert source[a["speaker_start"]:a["speaker_end"]] == a["speaker"]
            line_text = source.splitlines()[a["line"] - 1]
            assert line_text[a["column"] - 1:].startswith(a["speaker"])


def test_text_output(cli):
    out = seed_claims(cli)
    assert out.startswith(f"{SEED.parent.name}/{SEED.name}\n") or SEED.name in out.splitlines()[0]
    assert "  10:1  [reported] (dateline)" in out
    assert 'attribution: "AFP correspondents and a local source" at 10:130-10:167, cue "said"' in out
    assert 'attribution: "the source" at 16:63-16:73, cue "told" (anonymous)' in out
    assert 'cue "says"' in out
    assert "attribution: none" in out
    assert out.rstrip().endswith("8 claims in 1 file")


def test_csv_output(cli):
    rows = list(csv.reader(io.StringIO(seed_claims(cli, "--format", "csv"))))
    assert tuple(rows[0]) == CSV_COLUMNS
    records = [dict(zip(rows[0], r)) for r in rows[1:]]
    quote = next(r for r in records if "They're coming" in r["sentence"])
    assert (quote["speaker"], quote["cue"], quote["kinds"]) == ("the source", "told", "quote")
    assert quote["line"] == "16" and quote["speaker_line"] == "16"


def test_output_file(cli, tmp_path):
    target = tmp_path / "claims.json"
    result = cli(["claims", SEED, "--format", "json", "-o", target])
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["files"][0]["claims"]


def test_folders_and_unreadable_files(cli, write, tmp_path):
    write("desk/good.md", "Police said 40 people were hurt. Another 12 were injured in the crush.\n")
    write("desk/bad.md", b"\xff\xfe not text")
    write("desk/notes.json", "{}")  # not an article file: skipped in a folder
    result = cli(["claims", tmp_path / "desk", "--format", "json"])
    assert result.exit_code == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 1
    assert "bad.md" in errors[0] and "UTF-8" in errors[0]
    data = json.loads(result.stdout)
    [good] = data["files"]
    assert good["path"].endswith("good.md")
    carried = good["claims"][1]
    assert carried["kinds"] == ["statistic"]
    assert carried["attribution"]["speaker"] == "Police" and carried["attribution"]["carried_from_line"] == 1
    assert {e["path"].rsplit("/", 1)[-1] for e in data["errors"]} == {"bad.md"}


def test_extra_lexicon(cli, write, tmp_path):
    article = write("a.md", "Turnout fell to 38 percent, the clerk grumbled.\n")
    lexicon = write("extra.yaml", "reporting_verbs:\n  grumble: [grumbled]\n")
    plain = json.loads(cli(["claims", article, "--format", "json"]).stdout)
    assert plain["files"][0]["claims"][0]["attribution"] is None
    extended = json.loads(cli(["claims", article, "--format", "json", "--lexicon", lexicon]).stdout)
    assert extended["files"][0]["claims"][0]["attribution"]["cue"] == "grumbled"


def test_claims_api_kinds():
    text = ("Sales rose 12 percent, more than analysts at the bank expected, because of the heatwave.\n\n"
            "The team went to the park.\n")
    article, _ = parse("a.md", text)
    [c] = claims(article)
    assert c.kinds == ["statistic", "comparison", "causal"]


def test_claims_on_a_missing_path_is_a_usage_error(cli, tmp_path):
    result = cli(["claims", tmp_path / "missing.md"])
    assert result.exit_code == 2 and "no such file or folder" in result.output
