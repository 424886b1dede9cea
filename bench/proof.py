"""Benchmark: what the proof adds to a Kokoro build, cold and cached.

Four builds of the same digest in fresh show folders, with the Kokoro voices:
    cold, proof off      every sentence rendered, nothing heard
    cold, proof report   every sentence rendered and heard (the proof's cache empty)
    cached, proof off    a rebuild after a settings change that changes no sound: every part from the cache
    cached, proof report the same rebuild: every hearing from the proof's cache
Targets: the proof adds at most 30 % to the cold build and under 10 % to the cached rebuild.

Time is measured twice: wall seconds, and the CPU seconds of the build and its workers. On a machine shared with
other work the wall clock swings with the load; the CPU seconds do not, so the verdict is on them.

    .venv/bin/python bench/proof.py [--digest FILE] [--date 2026-02-02] [--stories N]

--stories N builds only the digest's first N stories (default 3; 0 for the whole digest, about ten minutes of
Kokoro per cold build on two free cores).

--clips N measures in one process instead, in CPU seconds, for N sentences of the digest's spoken script spread
over it: Kokoro rendering them, the proof hearing them with an empty cache, and the proof again with every hearing
cached. The ratio of the first two bounds what the proof adds to a cold build (which also mixes and encodes); the
third is what it adds to a rebuild whose sentences are all cached. For a machine too busy for whole builds.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PODCAST = [sys.executable, "-m", "podcast"]


def first_stories(path: Path, stories: int) -> str:
    """The digest cut after its first `stories` stories, in the plain shape (title, section, headline, paragraphs),
    read by the project's own parser so that any house style the parser reads can be benchmarked."""
    from podcast.digest import load_digest

    text = path.read_text()
    if not stories:
        return text
    digest = load_digest(path, force=True)
    lines, left = [text.lstrip("\ufeff").splitlines()[0]], stories
    for section in digest.sections:
        if left <= 0:
            break
        lines.append(section.title)
        for story in section.stories[:left]:
            lines += [story.headline, *story.paragraphs]
        left -= len(section.stories)
    return "\n".join(lines) + "\n"


def new_show(work: Path, name: str, date: str, digest: str, mode: str) -> Path:
    show = work / name
    (show / "episodes" / date).mkdir(parents=True)
    shutil.copytree(ROOT / "voices", show / "voices")
    # a generous render timeout: on a machine shared with other work a long sentence can take minutes
    (show / "podcast.toml").write_text(f'[show]\n\n[show.audio]\nrender_timeout_s = 1800.0\n\n'
                                       f'[show.proof]\nmode = "{mode}"\n')
    (show / "episodes" / date / "digest.txt").write_text(digest)
    return show


def timed_build(show: Path, date: str) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (the build and its workers) and the proof's line of the build's output."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run([*PODCAST, "build", date], cwd=show, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode:
        sys.exit(f"build in {show} failed:\n{result.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    line = next((out for out in result.stderr.splitlines() if out.startswith("proof:")), "")
    return wall, cpu, line


def change_settings(show: Path) -> None:
    """A change that makes the episode build again but changes no sound: the show's description."""
    settings = show / "podcast.toml"
    settings.write_text(settings.read_text().replace("[show]\n", '[show]\ndescription = "Benchmark rebuild."\n', 1))


def clips(digest: Path, date: str, count: int) -> None:
    """CPU seconds of rendering `count` sentences with Kokoro against hearing them (cold, then cached)."""
    import dataclasses
    import datetime as dt

    from podcast import pipeline
    from podcast.engines import load_voice, make_engine
    from podcast.language import language_for
    from podcast.layout import Show
    from podcast.lexicon import load_lexicon
    from podcast.parts import plan_parts
    from podcast.proof.check import Proofer, Sentence
    from podcast.proof.ear import Ear
    from podcast.takes import render_sentence

    with tempfile.TemporaryDirectory(prefix="bench-proof-") as folder:
        work = Path(folder)
        show_dir = new_show(work, "show", date, first_stories(digest, 0), "report")
        show = Show.open(show_dir)
        lexicon = load_lexicon(show_dir)
        script = pipeline.load_script(show, dt.date.fromisoformat(date), None, True, lexicon)
        parts = plan_parts(script, show.config.audio, "default", "default")
        lines = [line for part in parts for line in part.sentences]
        chosen = [lines[int(n * len(lines) / count)] for n in range(min(count, len(lines)))]
        profile = dataclasses.replace(load_voice(show_dir, "default"), phonemes=tuple(sorted(lexicon.phonemes.items())))
        engine = make_engine(profile)
        start = time.process_time()
        sentences = []
        for n, line in enumerate(chosen):
            path = work / f"{n}.wav"
            render_sentence(engine, line.spoken, path, 1800.0)
            sentences.append(Sentence(line.spoken, path))
        rendered = time.process_time() - start
        language = language_for(show.config.language)

        def hear() -> tuple[float, int]:
            proofer = Proofer(Ear(show.config.language), lambda raw: language.speak(raw, "", lexicon, "MDY"),
                              work / "proof-cache", show.config.proof.threshold)
            begin = time.process_time()
            found = proofer.check(sentences)
            return time.process_time() - begin, sum(c.verdict.flagged for c in found)

        (cold, flagged), (cached, _) = hear(), hear()
        seconds = sum(path.stat().st_size for path in (s.audio for s in sentences)) / 48_000
    print(f"proof cost, CPU seconds, {len(sentences)} sentences of {digest.name} ({seconds:.0f} s of Kokoro audio)")
    print(f"Kokoro rendering {rendered:7.1f} s | proof, cold {cold:6.1f} s ({cold / rendered:+.1%} of the rendering, "
          f"target 30 %) | proof, cached {cached:5.2f} s ({cached / len(sentences) * 1000:.1f} ms a sentence)")
    print(f"flagged: {flagged} of {len(sentences)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--digest", type=Path, default=ROOT / "episodes" / "2026-02-02" / "digest.txt")
    parser.add_argument("--date", default="2026-02-02")
    parser.add_argument("--stories", type=int, default=3)
    parser.add_argument("--clips", type=int, default=0)
    args = parser.parse_args()
    if args.clips:
        clips(args.digest, args.date, args.clips)
        return
    digest = first_stories(args.digest, args.stories)
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-proof-") as folder:
        work = Path(folder)
        shows = {mode: new_show(work, mode, args.date, digest, mode) for mode in ("off", "report")}
        cold = {mode: timed_build(show, args.date) for mode, show in shows.items()}
        for show in shows.values():
            change_settings(show)
        cached = {mode: timed_build(show, args.date) for mode, show in shows.items()}
    for name, runs, target in (("cold build", cold, 0.30), ("cached rebuild", cached, 0.10)):
        off, on = runs["off"], runs["report"]
        added_cpu = on[1] / off[1] - 1
        added_wall = on[0] / off[0] - 1
        verdict = "ok" if added_cpu <= target else "OVER"
        rows.append(f"{name:<15} off {off[0]:7.1f} s wall {off[1]:7.1f} s cpu | report {on[0]:7.1f} s wall "
                    f"{on[1]:7.1f} s cpu | added {added_wall:+6.1%} wall {added_cpu:+6.1%} cpu "
                    f"(target {target:.0%}) {verdict}")
    stories = f"first {args.stories} stories" if args.stories else "whole digest"
    print(f"proof cost, Kokoro, {args.digest.name} ({stories})")
    print("\n".join(rows))
    print(f"cold:   {cold['report'][2]}\ncached: {cached['report'][2]}")


if __name__ == "__main__":
    main()
