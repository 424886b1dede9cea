"""Benchmark: cold build, no-op rebuild, one-story edit and peak memory, against the floor.

The floor, measured in the same run: the espeak-ng CLI rendering the same digest
text to WAV, plus ffmpeg encoding that WAV to the episode's MP3 format (44.1 kHz
mono 96 kbps). Targets: cold build <= 1.0x the floor, no-op rebuild <= 0.05x the
cold build, one-story edit <= 0.25x the cold build.

    .venv/bin/python bench/build.py [--date 2026-02-02] [--runs 3] [--long]

--long also builds a digest four times the sample's length (about an hour) and
reports its peak memory (target: under 1 GB).

--engine NAME (repeatable: kokoro, piper, pyttsx3) adds one row per engine: a cold
build of the sample with that engine reading every part, against that engine's own
floor measured in the same run: its library rendering the same spoken sentences in
two processes (both cores busy, one thread each, the sentences dealt longest first),
plus ffmpeg encoding the result to the episode's format. Target: <= 1.0x the floor.
A Kokoro run takes about ten minutes.

--breakdown builds the sample once, cold, with the show's own voices (Kokoro, with the
proof, the headlines edition and Opus) and prints where the time went: each stage of
the build in wall seconds and as a share of it, and the workers' steps (Kokoro's
phonemizing and inference, the proof's model load, hearing, comparing and repairs)
in core-seconds and as a share of the build's core time (wall x cores). Beside it,
in the same run: kokoro-onnx rendering the same spoken sentences on both cores plus
ffmpeg's encode (target: the cold build at most 0.8x that), a no-op rebuild (target
<= 0.01x the cold build) and a one-story edit (<= 0.05x).

--scheduler compares a cold build on this machine's cores with the same cold build
through a Dask LocalCluster of 2 worker processes (1 thread each) started here, in
the same run. Target: overhead at most 10 %.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PODCAST = [sys.executable, "-m", "podcast"]


def timed(command: list[str], cwd: Path) -> tuple[float, int]:
    """Wall seconds and peak RSS (MB) of the largest process the command ran."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode:
        sys.exit(f"{' '.join(command)} failed:\n{result.stderr}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) // 1024


def floor(digest: Path, work: Path) -> float:
    wav, mp3 = work / "floor.wav", work / "floor.mp3"
    start = time.perf_counter()
    subprocess.run(["espeak-ng", "-v", "en-us", "-s", "175", "-w", str(wav), "-f", str(digest)], check=True)
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(wav), "-ar", "44100", "-ac", "1", "-c:a", "libmp3lame",
                    "-b:a", "96k", str(mp3)], check=True)
    return time.perf_counter() - start


def new_show(work: Path, date: str, digest_text: str) -> Path:
    show = work / "show"
    shutil.rmtree(show, ignore_errors=True)
    (show / "episodes" / date).mkdir(parents=True)
    shutil.copytree(ROOT / "voices", show / "voices")
    if (ROOT / "podcast.toml").exists():
        shutil.copy(ROOT / "podcast.toml", show / "podcast.toml")
    (show / "episodes" / date / "digest.txt").write_text(digest_text)
    return show


def edit_one_story(digest: Path) -> None:
    lines = digest.read_text().splitlines()
    # The last paragraph of the digest's last story: a change confined to one part.
    for i in range(len(lines) - 1, -1, -1):
        if lines[i].rstrip().endswith("."):
            lines[i] = lines[i].rstrip() + " This sentence was added for the benchmark."
            break
    digest.write_text("\n".join(lines) + "\n")


def hour_long(text: str) -> str:
    """The digest's body four times over, every paragraph made distinct so nothing is shared."""
    title, body = text.split("\n", 1)
    copies = []
    for n in ("First", "Second", "Third", "Fourth"):
        lines = [f"{n} edition: {line}" if line.rstrip().endswith(".") else line for line in body.splitlines()]
        copies.append("\n".join(lines))
    return title + "\n" + "\n".join(copies) + "\n"


ENGINE_PROFILES = {
    "kokoro": 'engine = "kokoro"\nvoice = "af_heart"\n',
    "piper": 'engine = "piper"\n',
    "pyttsx3": 'engine = "pyttsx3"\nvoice = "gmw/en-us"\n',
}


def _kokoro_onnx(texts: list[str], out: str) -> list[Path]:
    """kokoro-onnx itself on upstream's int8 model (one thread, as the build's workers), one WAV per sentence:
    the reference, which the build's own graph (engines/graph.py) must beat."""
    import kokoro_onnx

    from podcast.engines import assets, onnx
    from podcast.engines.kokoro import DEFAULT_VOICE, KokoroVoice
    from podcast.engines.wav import write_wav

    voice = KokoroVoice()
    kokoro = kokoro_onnx.Kokoro.from_session(onnx.session(assets.installed(assets.KOKORO_MODEL)),
                                             str(assets.installed(assets.KOKORO_VOICES)))
    wavs = []
    for n, text in enumerate(texts):
        samples, rate = kokoro.create(text, voice=voice.voice or DEFAULT_VOICE, speed=voice.speed,
                                      lang=voice.speaks())
        wavs.append(Path(f"{out}.{n}.wav"))
        write_wav(wavs[-1], samples, rate)
    return wavs


def _render_share(engine_name: str, texts: list[str], out: str) -> None:
    """One floor worker: the engine renders its share of the sentences; the WAVs are joined."""
    import numpy as np

    from podcast.engines import engine_class
    from podcast.sound.mix import load_speech

    if engine_name == "kokoro":
        np.save(out, np.concatenate([load_speech(wav) for wav in _kokoro_onnx(texts, out)]))
        return
    engine = engine_class(engine_name)(engine_class(engine_name).Settings())
    pieces = []
    for n, text in enumerate(texts):
        wav = Path(f"{out}.{n}.wav")
        engine.render(text, wav)
        pieces.append(load_speech(wav))
        wav.unlink()
    np.save(out, np.concatenate(pieces))


def engine_floor(engine_name: str, sentences: list[str], work: Path) -> float:
    """The engine's library on both cores over every sentence, plus ffmpeg encoding the audio."""
    import multiprocessing

    import numpy as np

    shares: list[list[str]] = [[], []]
    for text in sorted(sentences, key=len, reverse=True):  # longest first, to the lighter share
        min(shares, key=lambda share: sum(map(len, share))).append(text)
    start = time.perf_counter()
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_render_share, args=(engine_name, share, str(work / f"share{n}")))
               for n, share in enumerate(shares)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    audio = np.concatenate([np.load(work / f"share{n}.npy") for n in range(2)])
    pcm = (np.clip(audio, -1, 1) * 32767).astype("<i2").tobytes()
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "s16le", "-ar", "44100", "-ac", "1", "-i", "-",
                    "-c:a", "libmp3lame", "-b:a", "96k", str(work / "floor.mp3")], input=pcm, check=True)
    return time.perf_counter() - start


def spoken_sentences(show: Path, date: str) -> list[str]:
    import json

    from podcast.speech import sentences

    script = subprocess.run([*PODCAST, "script", date, "--json"], cwd=show, capture_output=True, text=True,
                            check=True).stdout
    return [s for segment in json.loads(script)["segments"] for chunk in segment["text"].split("\n\n")
            for s in sentences(chunk)]


def engine_rows(engines: list[str], date: str, text: str, work: Path) -> list[tuple[str, float, str, str]]:
    rows = []
    for name in engines:
        show = new_show(work, date, text)
        for profile in ("default", "anchor"):
            (show / "voices" / f"{profile}.toml").write_text(ENGINE_PROFILES[name])
        floor_s = engine_floor(name, spoken_sentences(show, date), work)
        cold_s, _ = timed([*PODCAST, "build", date], show)
        rows += [(f"{name}: floor (library on 2 cores + ffmpeg)", floor_s, "", ""),
                 (f"{name}: cold build", cold_s, f"{cold_s / floor_s:.2f}x floor", "<= 1.00x floor")]
    return rows


def breakdown(date: str, text: str, work: Path) -> None:
    """One cold build of the sample with the show's own voices, where its time went, against kokoro-onnx."""
    import json

    show = new_show(work, date, text)
    spans = work / "timings.json"
    env = {**os.environ, "PODCAST_TIMINGS": str(spans)}
    start = time.perf_counter()
    subprocess.run([*PODCAST, "build", date], cwd=show, env=env, check=True, capture_output=True)
    cold_s = time.perf_counter() - start
    spent = json.loads(spans.read_text())
    noop_s, _ = timed([*PODCAST, "build", date], show)
    edit_one_story(show / "episodes" / date / "digest.txt")
    edit_s, _ = timed([*PODCAST, "build", date], show)
    reference_s = engine_floor("kokoro", spoken_sentences(show, date), work)
    cores = os.cpu_count() or 1
    print(f"cores: {cores}   one cold build of {date} with the show's voices (proof, headlines edition, Opus)")
    print(f"{'':58} {'seconds':>8}  {'share':>7}")
    print(f"{'cold build (wall)':58} {cold_s:8.1f}  {'100.0%':>7}")
    stages = [name for name in spent if ":" not in name and name in STAGE_NAMES]
    for name in [*("open (settings, voices, backend)",), *STAGE_NAMES]:
        if name in spent:
            print(f"  {name:56} {spent[name]:8.1f}  {spent[name] / cold_s:7.1%}")
        for step in sorted(n for n in spent if n.startswith(f"{name}: ")):
            print(f"    {step.split(': ', 1)[1]:54} {spent[step]:8.1f}  {spent[step] / cold_s:7.1%}")
    rest = cold_s - sum(spent[name] for name in stages) - spent.get("open (settings, voices, backend)", 0.0)
    print(f"  {'the rest (process start, imports, lock, up-to-date check)':56} {rest:8.1f}  {rest / cold_s:7.1%}")
    print(f"in the workers, core-seconds (share of {cores} cores x the build's wall time):")
    for name in sorted(n for n in spent if n.split(":")[0] in ("render", "proof", "kokoro")):
        print(f"  {name:56} {spent[name]:8.1f}  {spent[name] / (cold_s * cores):7.1%}")
    proof_s = spent.get("proof", 0.0)
    print(f"{'proof, share of the build (core-seconds / core time)':58} {proof_s:8.1f}  "
          f"{proof_s / (cold_s * cores):7.1%}  target <= 15%")
    print(f"{'kokoro-onnx reference (library on 2 cores + ffmpeg)':58} {reference_s:8.1f}  "
          f"{cold_s / reference_s:6.2f}x  target: cold <= 0.80x")
    print(f"{'rebuild, nothing changed':58} {noop_s:8.1f}  {noop_s / cold_s:6.3f}x  target <= 0.01x")
    print(f"{'rebuild, one story edited':58} {edit_s:8.1f}  {edit_s / cold_s:6.3f}x  target <= 0.05x")


STAGE_NAMES = ("read_script", "settle_sentences", "mix_parts", "write_and_publish", "publish_feeds")
"""The build's stages (podcast/pipeline.py), in order."""


def cluster_rows(date: str, text: str, work: Path, runs: int) -> list[tuple[str, float, str, str]]:
    """Local cold build against the same cold build on a 2-worker LocalCluster, best of `runs` each."""
    import tempfile as _tempfile

    from distributed import LocalCluster

    local, remote = [], []
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        for _ in range(runs):
            for target, extra in ((local, []), (remote, ["--scheduler", cluster.scheduler_address])):
                shutil.rmtree(Path(_tempfile.gettempdir()) / "podcast-worker", ignore_errors=True)  # cold workers
                show = new_show(work, date, text)
                for profile in ("default", "anchor"):
                    (show / "voices" / f"{profile}.toml").write_text(ENGINE_PROFILES["pyttsx3"])
                target.append(timed([*PODCAST, "build", date, *extra], show)[0])
    best_local, best_remote = min(local), min(remote)
    return [("cold build, local cores", best_local, "", ""),
            ("cold build, 2-worker Dask cluster", best_remote, f"{best_remote / best_local - 1:+.1%} overhead",
             "<= +10%")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--date", default="2026-02-02")
    parser.add_argument("--long", action="store_true", help="also build an hour-long digest for peak memory")
    parser.add_argument("--runs", type=int, default=3, help="repeat each measurement; the best run counts")
    parser.add_argument("--scheduler", action="store_true", help="also compare a build on a local Dask cluster")
    parser.add_argument("--engine", action="append", default=[], choices=sorted(ENGINE_PROFILES),
                        help="add a cold build with this engine against its own floor (repeatable)")
    parser.add_argument("--breakdown", action="store_true",
                        help="only: where one cold build with the show's voices spends its time")
    args = parser.parse_args()
    source = ROOT / "episodes" / args.date / "digest.txt"
    text = source.read_text()
    if args.breakdown:
        with tempfile.TemporaryDirectory() as tmp:
            breakdown(args.date, text, Path(tmp))
        return
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        # Best of --runs, floor and cold build taken in turn: the machine is shared and noisy.
        floors, colds, noops, edits = [], [], [], []
        cold_mb = 0
        for _ in range(args.runs):
            floors.append(floor(source, work))
            show = new_show(work, args.date, text)
            for profile in ("default", "anchor"):  # the table's first rows: the eSpeak NG engine
                (show / "voices" / f"{profile}.toml").write_text(ENGINE_PROFILES["pyttsx3"])
            seconds, cold_mb = timed([*PODCAST, "build", args.date], show)
            colds.append(seconds)
            noops.append(timed([*PODCAST, "build", args.date], show)[0])
            edit_one_story(show / "episodes" / args.date / "digest.txt")
            edits.append(timed([*PODCAST, "build", args.date], show)[0])
        floor_s, cold_s, noop_s, edit_s = min(floors), min(colds), min(noops), min(edits)
        rows = [
            ("floor: espeak-ng CLI + ffmpeg encode", floor_s, "", ""),
            ("cold build", cold_s, f"{cold_s / floor_s:.2f}x floor", "<= 1.00x floor"),
            ("rebuild, nothing changed", noop_s, f"{noop_s / cold_s:.3f}x cold", "<= 0.05x cold"),
            ("rebuild, one story edited", edit_s, f"{edit_s / cold_s:.3f}x cold", "<= 0.25x cold"),
        ]
        rows += engine_rows(args.engine, args.date, text, work)
        if args.scheduler:
            rows += cluster_rows(args.date, text, work, args.runs)
        long_row = None
        if args.long:
            show = new_show(work, args.date, hour_long(text))
            for profile in ("default", "anchor"):
                (show / "voices" / f"{profile}.toml").write_text(ENGINE_PROFILES["pyttsx3"])
            long_s, long_mb = timed([*PODCAST, "build", args.date], show)
            long_row = (long_s, long_mb)
    print(f"cores: {os.cpu_count()}   digest: {source.relative_to(ROOT)}   best of {args.runs} runs")
    print(f"{'':40} {'seconds':>8}  {'ratio':>14}  target")
    for name, seconds, ratio, target in rows:
        print(f"{name:40} {seconds:8.2f}  {ratio:>14}  {target}")
    print(f"{'peak RSS, cold build (largest process)':40} {cold_mb:8d} MB")
    if long_row:
        print(f"{'hour-long digest: build':40} {long_row[0]:8.2f}  peak RSS {long_row[1]} MB (target < 1024 MB)")


if __name__ == "__main__":
    main()
