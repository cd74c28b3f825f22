"""Reading the rated corpus of Hutto & Gilbert (ICWSM 2014) that :mod:`kit.tl.train_sentiment` trains on.

It ships under the MIT licence in the *source* archive of vaderSentiment 3.3.2
(``additional_resources/hutto_ICWSM_2014.tar.gz``; the wheel does not carry it). :func:`fetch_sdist` downloads
that archive with pip, :func:`read_corpus` reads the rated texts from it, from the inner archive or from an
unpacked folder.

>>> sorted(FILES)
['amazon', 'movie', 'nyt', 'tweets']
"""

from __future__ import annotations

import hashlib
import io
import subprocess
import sys
import tarfile
from pathlib import Path

__all__ = ["fetch_sdist", "read_corpus", "FILES", "SDIST"]

SDIST = "vaderSentiment==3.3.2"
INNER = "additional_resources/hutto_ICWSM_2014.tar.gz"
FILES = {
    "tweets": "tweets_GroundTruth.txt",
    "nyt": "nytEditorialSnippets_GroundTruth.txt",
    "movie": "movieReviewSnippets_GroundTruth.txt",
    "amazon": "amazonReviewSnippets_GroundTruth.txt",
}


def fetch_sdist(dest: Path) -> Path:
    """``pip download`` the vaderSentiment 3.3.2 source archive (not the wheel) into ``dest``."""
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:", "-q", "-d", str(dest), SDIST],
        check=True,
    )
    found = sorted(dest.glob("vaderSentiment-3.3.2.tar.gz")) + sorted(dest.glob("*.tar.gz"))
    if not found:
        raise FileNotFoundError(f"pip download left no source archive in {dest}")
    return found[0]


def read_corpus(source: Path) -> tuple[dict[str, list[tuple[float, str]]], str]:
    """Rated texts per file from the sdist (``.tar.gz``), the inner ``hutto_ICWSM_2014.tar.gz`` or an
    unpacked folder; also the SHA-256 of the archive read (or ``"folder"``)."""
    source = Path(source)

    def parse(raw: bytes) -> list[tuple[float, str]]:
        rows = []
        for line in raw.decode("utf-8", errors="replace").splitlines():
            parts = line.rstrip("\r\n").split("\t")
            if len(parts) >= 3 and parts[2].strip():
                rows.append((float(parts[1]), "\t".join(parts[2:]).strip()))
        return rows

    if source.is_dir():
        out = {}
        for key, fname in FILES.items():
            hits = sorted(source.rglob(fname))
            if not hits:
                raise FileNotFoundError(f"{fname} not found under {source}")
            out[key] = parse(hits[0].read_bytes())
        return out, "folder"
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    with tarfile.open(source) as outer:
        names = outer.getnames()
        inner = next((n for n in names if n.endswith(INNER)), None)
        if inner is not None:
            archive = tarfile.open(fileobj=io.BytesIO(outer.extractfile(inner).read()))
        elif any(n.endswith(FILES["tweets"]) for n in names):
            archive = outer
        else:
            raise FileNotFoundError(f"{source} holds neither {INNER} nor {FILES['tweets']}")
        with archive:
            members = {Path(m.name).name: m for m in archive.getmembers() if m.isfile()}
            out = {key: parse(archive.extractfile(members[fname]).read()) for key, fname in FILES.items()}
    return out, digest
