"""Sentence embeddings from a model that ships inside a package: wordllama's `l2_supercat`,
256 dimensions (the mean of token vectors distilled from a large language model's embeddings).

Offline by construction: the wheel carries the weights (`weights/`) and the tokenizer file
(`tokenizers/`), which is exactly the layout wordllama's loader expects under a cache folder.
Its loader finds the weights in the package, but looks for the tokenizer under `tokenizer/`
(singular) in the package and then under `<cache_dir>/tokenizers/`, and downloads it from
Hugging Face when both miss. Naming the package directory itself as the cache folder and
disabling downloads makes both files resolve locally without copying anything; a file that
went missing raises FileNotFoundError instead of reaching out.

Deterministic: an embedding is a table look-up and a mean, in float32; padding within a batch
adds exact zeros, so a sentence's vector does not depend on the batch it was embedded in.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

Float32Array = npt.NDArray[np.float32]

MODEL = "l2_supercat"
DIMENSIONS = 256
_BATCH = 64  # sentences per tokenizer call; memory is batch x longest sentence x 256 floats


@functools.cache
def _model() -> Any:
    """The model, loaded once per process from the installed package's own files."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    try:
        import wordllama
    finally:
        # importing wordllama calls logging.basicConfig(level=INFO): undo it, the host decides
        root.handlers[:] = handlers
        root.setLevel(level)
    package = Path(wordllama.__file__).parent
    return wordllama.WordLlama.load(config=MODEL, dim=DIMENSIONS, cache_dir=package, disable_download=True)


def embed(texts: Sequence[str], batch: int = _BATCH) -> Float32Array:
    """One unit-length float32 row per text (a zero row for a text without tokens)."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    # sorted by length so that each batch pads to about its own length; rows are put back in order
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    vectors = np.asarray(_model().embed([texts[i] for i in order], batch_size=batch), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors /= np.where(norms > 0, norms, np.float32(1.0))
    rows = np.empty_like(vectors)
    rows[order] = vectors
    return rows


def cosine(a: Float32Array, b: Float32Array) -> Float32Array:
    """Cosine of every row of `a` with every row of `b` (rows from `embed`, unit length)."""
    return a @ b.T


def paired_cosine(a: Float32Array, b: Float32Array) -> Float32Array:
    """Cosine of row i of `a` with row i of `b`."""
    return np.einsum("ij,ij->i", a, b)
