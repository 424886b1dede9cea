"""Benchmark: the proof's false alarms on digests the code was never tuned on, and the faults it still catches.

The held-out digests in bench/heldout/ (two English, two Brazilian Portuguese, in
different domains) were written before the proof was tuned, and are kept out of the
tests; bench/heldout-b/ (English energy news, Spanish sport) was written after the
tuning, to be measured once with no change after it. Each is built with the Kokoro
voices in its own show folder under --work (kept between runs, so a second run reuses
the renders; the episode is built afresh each time), and its proof.json is read back:

    flagged / total      a false alarm is a flagged sentence: the voice said these digests right
    repaired             a sentence whose first take was clearly wrong and another take was heard right
    suggestions          lexicon lines the proof offers

--faults N also renders N sentences of each English digest once per fault of tests/faults.py (another number, a
dropped clause, a skipped run, noise, silence, the wrong language, a wrong lexicon entry) and reports the share the
proof flags: the catch rate.

    .venv/bin/python bench/heldout.py [--work DIR] [--faults 2] [DIGEST ...]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "bench" / "heldout"
PODCAST = [sys.executable, "-m", "podcast"]
DATE = "2026-03-09"


def language_of(digest: Path) -> str:
    """The show's language, from the digest's name: "pt-economia.txt" is Brazilian Portuguese."""
    return {"pt": "pt-BR", "es": "es", "fr": "fr", "it": "it"}.get(digest.name.split("-")[0], "en")


def fresh_show(work: Path, digest: Path) -> Path:
    """The digest's show folder with its caches kept and its published files removed."""
    show = work / digest.stem
    show.mkdir(parents=True, exist_ok=True)
    for name in ("episodes", "feeds", "feed.xml", "index.html", "cover.png", ".podcast-show.json"):
        target = show / name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
    shutil.rmtree(show / ".cache" / "proof" / "last", ignore_errors=True)
    language = language_of(digest)
    if language == "en":
        shutil.rmtree(show / "voices", ignore_errors=True)
        shutil.copytree(ROOT / "voices", show / "voices")
    (show / "podcast.toml").write_text(f'[show]\nlanguage = "{language}"\n\n[show.audio]\nrender_timeout_s = 1800.0\n\n'
                                       f'[show.proof]\nmode = "report"\n')
    return show


def build(show: Path, digest: Path) -> dict[str, object]:
    result = subprocess.run([*PODCAST, "build", DATE, "--force", "--digest", str(digest)], cwd=show,
                            capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"build of {digest.name} failed:\n{result.stderr}")
    data: dict[str, object] = json.loads((show / "episodes" / DATE / "proof.json").read_text())
    return data


KINDS: dict[str, int] = {}
"""Repairs that worked, by kind, over every digest built."""
EXPLAINED: list[int] = [0]
"""Flagged sentences the proof explains as the recognizer's own limit."""


def report(name: str, data: dict[str, object]) -> tuple[int, int, int]:
    sentences = data.get("sentences", [])
    assert isinstance(sentences, list)
    flagged = [s for s in sentences if s.get("flagged")]
    repaired = [s for s in sentences if s.get("repaired")]
    print(f"{name:16} {len(flagged):3} flagged / {len(sentences):3} ({len(flagged) / max(1, len(sentences)):.1%}),"
          f" {len(repaired)} repaired")
    for s in repaired:
        kind = str(s["repaired"]).split(":")[0]
        KINDS[kind] = KINDS.get(kind, 0) + 1
    EXPLAINED[0] += sum("own limit" in str(s.get("no_fix", "")) for s in flagged)
    for s in [*flagged, *repaired]:
        print(f"    {'repaired: ' + s['repaired'] if s.get('repaired') else s.get('reason', '')}")
        if s.get("no_fix"):
            print(f"        no fix: {s['no_fix']}")
        print(f"        said:  {s.get('text', '')}")
        print(f"        heard: {s.get('heard', '')}")
        for line in s.get("lexicon", []):
            print(f"        lexicon: {line}")
    return len(flagged), len(sentences), len(repaired)


def fault_catch(work: Path, digests: list[Path], per_digest: int) -> tuple[int, int]:
    """Sentences of the English digests rendered with each fault and heard: (caught, tried)."""
    sys.path.insert(0, str(ROOT))
    from podcast.engines import load_voice
    from podcast.language import language_for
    from podcast.proof.check import Proofer, Sentence
    from podcast.proof.ear import Ear
    from podcast.speech import sentences
    from tests import faults

    caught = tried = 0
    ear = Ear("en")
    language = language_for("en")
    for digest in digests:
        if language_of(digest) != "en":
            continue
        show = work / digest.stem
        script = json.loads((show / "episodes" / DATE / "script.json").read_text())
        texts = [s for line in _lines(script) for s in sentences(line["text"]) if len(s.split()) >= 8]
        reader = load_voice(show, "default")
        proofer = Proofer(ear, lambda raw: language.speak(raw, "", None, "MDY"), work / "fault-hearings", 0.8)
        for fault in faults.FAULTS:
            chosen = [t for t in texts if faults.applies(fault, t)][:per_digest]
            engine = faults.Misspeaker(reader, fault)
            for n, text in enumerate(chosen):
                audio = work / "faults" / digest.stem / f"{fault}-{n}.wav"
                audio.parent.mkdir(parents=True, exist_ok=True)
                if not audio.exists():
                    engine.render(text, audio)
                checked = proofer.check_take(Sentence(text, audio))
                tried += 1
                caught += checked.verdict.flagged
                if not checked.verdict.flagged:
                    print(f"    missed {fault}: {text[:70]!r} heard {checked.heard[:70]!r}")
    return caught, tried


def _lines(script: object) -> list[dict[str, str]]:
    """Every spoken line of a script.json, wherever it sits."""
    found: list[dict[str, str]] = []
    if isinstance(script, dict):
        if isinstance(script.get("text"), str) and len(script) <= 4:
            found.append(script)  # type: ignore[arg-type]
        for value in script.values():
            found += _lines(value)
    elif isinstance(script, list):
        for value in script:
            found += _lines(value)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("digests", nargs="*", type=Path)
    parser.add_argument("--work", type=Path, default=ROOT / ".cache" / "heldout")
    parser.add_argument("--faults", type=int, default=0)
    args = parser.parse_args()
    digests = args.digests or sorted(HELDOUT.glob("*.txt"))
    totals = [0, 0, 0]
    for digest in digests:
        found = report(digest.stem, build(fresh_show(args.work, digest), digest.resolve()))
        totals = [a + b for a, b in zip(totals, found, strict=True)]
    print(f"{'total':16} {totals[0]:3} flagged / {totals[1]:3} ({totals[0] / max(1, totals[1]):.1%}), "
          f"{totals[2]} repaired")
    print("repairs that worked: " + (", ".join(f"{k} {n}" for k, n in sorted(KINDS.items())) or "none")
          + f"; flagged and explained as the recognizer's own limit: {EXPLAINED[0]}")
    if args.faults:
        caught, tried = fault_catch(args.work, digests, args.faults)
        print(f"faults caught: {caught} / {tried} ({caught / max(1, tried):.1%})")


if __name__ == "__main__":
    main()
