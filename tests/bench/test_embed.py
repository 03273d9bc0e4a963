"""Sentence embeddings: loaded from the installed package without any network access,
deterministic, unit length, and closer for a paraphrase than for an unrelated sentence."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from bench.pairs.embed import DIMENSIONS, cosine, embed, paired_cosine

ROOT = Path(__file__).resolve().parents[2]  # the child imports this checker, not an installed one

# A fresh process, so that importing wordllama and loading the model happen under the guard.
# The guard refuses name look-ups and connections and counts them; it is shown to work by a
# load that is allowed to download (into an empty cache), which must trip it.
_GUARDED = textwrap.dedent(
    """
    import json, logging, socket, sys, tempfile
    attempts = []
    def refuse(*args, **kwargs):
        attempts.append(repr(args[:2]))
        raise OSError("network access refused by the test")
    socket.socket.connect = socket.socket.connect_ex = refuse
    socket.create_connection = socket.getaddrinfo = refuse
    from bench.pairs.embed import embed
    rows = embed(["The port strike ended on Friday.", "Dockers went back to work."])
    offline = {"attempts": len(attempts), "shape": list(rows.shape), "handlers": len(logging.getLogger().handlers)}
    import wordllama
    try:
        wordllama.WordLlama.load(cache_dir=tempfile.mkdtemp())
    except Exception:
        pass
    print(json.dumps({**offline, "download_attempts": len(attempts)}))
    """
)


def test_loading_and_embedding_make_no_network_access() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _GUARDED], cwd=ROOT, capture_output=True, text=True, check=True, timeout=120
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["shape"] == [2, DIMENSIONS]
    assert result["attempts"] == 0
    assert result["download_attempts"] > 0  # the guard does catch wordllama's download
    assert result["handlers"] == 0  # importing wordllama left the root logger alone


SENTENCES = [
    "The central bank cut its main rate by a quarter point on Wednesday.",
    "Rescuers pulled two survivors from the rubble.",
    "",
    "A much longer sentence about the committee, which voted eleven to nine after a debate that "
    "lasted most of the night, to send the bill to the full chamber next week.",
]


def test_embeddings_are_unit_rows_of_float32() -> None:
    rows = embed(SENTENCES)
    assert rows.dtype == np.float32
    assert rows.shape == (len(SENTENCES), DIMENSIONS)
    norms = np.linalg.norm(rows, axis=1)
    assert np.allclose(norms[[0, 1, 3]], 1.0, atol=1e-5)
    assert norms[2] == 0.0  # no tokens, no direction
    assert embed([]).shape == (0, DIMENSIONS)


@pytest.mark.parametrize("batch", [1, 2, 256])
def test_embeddings_do_not_depend_on_the_batch(batch: int) -> None:
    together = embed(SENTENCES, batch=batch)
    alone = np.vstack([embed([s]) for s in SENTENCES])
    assert np.array_equal(together, alone)
    assert np.array_equal(together, embed(list(reversed(SENTENCES)))[::-1])


@pytest.mark.parametrize(
    ("anchor", "paraphrase", "unrelated"),
    [
        (
            "The central bank cut its main interest rate to 2% on Thursday.",
            "On Thursday the bank lowered its key rate to two percent.",
            "The striker scored twice in the second half.",
        ),
        (
            "Firefighters contained the blaze after it destroyed 40 homes.",
            "The fire burned down forty houses before crews brought it under control.",
            "Shares in the carmaker rose after it reported higher profits.",
        ),
        (
            "The senator said she would vote against the bill.",
            "She plans to oppose the legislation, the senator told reporters.",
            "Heavy rain is expected across the north this weekend.",
        ),
    ],
)
def test_a_paraphrase_is_closer_than_an_unrelated_sentence(anchor: str, paraphrase: str, unrelated: str) -> None:
    rows = embed([anchor, paraphrase, unrelated])
    scores = cosine(rows[:1], rows[1:])[0]
    assert scores[0] > scores[1] + 0.2
    assert np.allclose(paired_cosine(rows[[0, 0]], rows[1:]), scores)
