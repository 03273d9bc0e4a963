"""Sentence vectors for alignment: TF-IDF over two views of each sentence, stories kept apart.

Unit-length rows: sqrt(word_share) * word TF-IDF ++ sqrt(1 - word_share) * character TF-IDF.
Word features are light stems of content words plus bigrams of adjacent stems; character
features are 3-5-grams inside words. IDF is counted within each sentence's story and every story
has private columns, so that one sparse product of all stories' rows never pairs sentences of
different stories. Features of a story's proper nouns are weighted by `name_weight`.

Features are integer codes (a process-wide lexicon maps words, stems and n-grams to ids) built
with array operations, not strings; scores are bit-for-bit those of the straightforward
string-and-scipy version this replaced (see `_inverse_norms`).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from checker.textsim import sentence_tokens, word_ngrams

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


class _Lexicon:
    """Process-wide integer ids of words, stems and character n-grams, and each distinct text's
    tokens as ids. Ids are arbitrary: columns are numbered by first appearance in each call, so
    the output never depends on what an earlier call saw."""

    def __init__(self) -> None:
        self.words: dict[str, int] = {}
        self.stems: dict[str, int] = {}
        self.grams: dict[str, int] = {}
        self.spelled: list[str] = []  # word id -> word
        self.word_grams: list[IntArray] = []  # word id -> n-gram ids
        self.texts: dict[str, IntArray] = {}  # text -> (word id, stem id or -1, case) per token

    def tokens(self, text: str) -> IntArray:
        known = self.texts.get(text)
        if known is None:
            words, stems = self.words, self.stems
            ids: list[int] = []  # flat: numpy reads a list of ints twice as fast as one of tuples
            for word, stemmed, case in sentence_tokens(text):
                number = words.get(word)
                if number is None:
                    number = words[word] = len(self.spelled)
                    self.spelled.append(word)
                ids += (number, stems.setdefault(stemmed, len(stems)) if stemmed else -1, case)
            known = np.array(ids, dtype=np.int64).reshape(-1, 3).T
            if len(self.texts) >= _TEXT_CACHE:
                self.texts.clear()  # bounded; a cleared entry is only recomputed
            self.texts[text] = known
        return known

    def trim(self) -> None:
        """Start afresh (between calls) once the vocabulary has grown past `_MAX_WORDS`."""
        if len(self.words) > _MAX_WORDS:
            self.__init__()  # type: ignore[misc]

    def grams_of(self, word_ids: IntArray) -> list[IntArray]:
        grams = self.grams
        for word in self.spelled[len(self.word_grams) :]:
            self.word_grams.append(
                np.array([grams.setdefault(g, len(grams)) for g in word_ngrams(word)], dtype=np.int64)
            )
        return [self.word_grams[w] for w in word_ids.tolist()]


_TEXT_CACHE = 20_000  # texts; the story grouping re-aligns the same articles' sentences
_MAX_WORDS = 300_000
_LEXICON = _Lexicon()


@dataclass
class _Tokens:
    """Every token of every row, rows in order: ids, and whether the word is a name of its story."""

    row: IntArray
    word: IntArray
    stem: IntArray  # -1: stopword
    name: npt.NDArray[np.bool_]


def _tokens(texts: Sequence[str], story: IntArray) -> _Tokens:
    per_text = [_LEXICON.tokens(text) for text in texts]
    lengths = np.array([t.shape[1] for t in per_text], dtype=np.int64)
    ids = np.concatenate(per_text, axis=1) if per_text else np.zeros((3, 0), dtype=np.int64)
    row = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
    word, stem, case = ids
    # a story's names: words capitalised inside a sentence and never written in lower case there
    key = story[row] * max(len(_LEXICON.words), 1) + word
    capital = np.unique(key[(case == 1) & (stem >= 0)])
    lower = np.unique(key[case == 0])
    names = np.setdiff1d(capital, lower, assume_unique=True)
    return _Tokens(row=row, word=word, stem=stem, name=np.isin(key, names))


def _first_seen(codes: IntArray) -> tuple[IntArray, IntArray]:
    """Column of each code (given in reading order), columns numbered by first appearance as
    counting features one by one would; and the code of each column."""
    unique, first, inverse = np.unique(codes, return_index=True, return_inverse=True)
    order = np.argsort(first, kind="stable")
    rank = np.empty(len(unique), dtype=np.int64)
    rank[order] = np.arange(len(unique), dtype=np.int64)
    return rank[inverse], unique[order]


def _counts(doc: IntArray, column: IntArray, n_docs: int, n_columns: int) -> sp.csr_matrix:
    """Canonical count matrix of (doc, column) occurrences."""
    key, counts = np.unique(doc * n_columns + column, return_counts=True)
    indptr = np.zeros(n_docs + 1, dtype=np.int64)
    np.cumsum(np.bincount(key // n_columns, minlength=n_docs), out=indptr[1:])
    matrix = sp.csr_matrix((counts.astype(np.float64), key % n_columns, indptr), shape=(n_docs, n_columns))
    matrix.has_canonical_format = True
    return matrix


def _word_counts(tokens: _Tokens, n_rows: int) -> tuple[sp.csr_matrix, npt.NDArray[np.bool_], IntArray]:
    """Counts of stems and bigrams of adjacent stems per row (name-marked features apart), the
    name flag per column, and the number of content words per row. A row's features are read
    as its stems, then its bigrams."""
    content = tokens.stem >= 0
    row, stem, name = tokens.row[content], tokens.stem[content], tokens.name[content]
    n = np.bincount(row, minlength=n_rows)
    start = np.concatenate(([0], np.cumsum(n)[:-1]))
    width = n + np.maximum(n - 1, 0)
    offset = np.concatenate(([0], np.cumsum(width)[:-1]))
    within = np.arange(len(row), dtype=np.int64) - start[row]
    pair = np.flatnonzero(row[:-1] == row[1:])
    base = len(_LEXICON.stems) + 1
    # features as integers: (first stem + 1, second stem + 1 or 0, name flag)
    codes = np.empty(len(row) + len(pair), dtype=np.int64)
    docs = np.empty(len(codes), dtype=np.int64)
    unigram = offset[row] + within
    codes[unigram] = (stem + 1) * base * 2 + name
    docs[unigram] = row
    bigram = offset[row[pair]] + n[row[pair]] + within[pair]
    codes[bigram] = ((stem[pair] + 1) * base + stem[pair + 1] + 1) * 2 + (name[pair] | name[pair + 1])
    docs[bigram] = row[pair]
    column, column_code = _first_seen(codes)
    return _counts(docs, column, n_rows, len(column_code)), (column_code & 1).astype(bool), n


def _char_counts(tokens: _Tokens, n_rows: int) -> tuple[sp.csr_matrix, npt.NDArray[np.bool_]]:
    """Character n-gram counts per row (a name's n-grams apart) and the name flag per column:
    word counts per row times n-gram counts per distinct (word, name flag)."""
    marked = tokens.word * 2 + tokens.name
    column, vocabulary = _first_seen(marked)
    per_word = _counts(tokens.row, column, n_rows, len(vocabulary))
    gram_ids = _LEXICON.grams_of(vocabulary // 2)
    lengths = np.array([len(g) for g in gram_ids], dtype=np.int64)
    flags = np.repeat(vocabulary & 1, lengths)
    codes = (np.concatenate(gram_ids) if gram_ids else np.zeros(0, dtype=np.int64)) * 2 + flags
    gram_column, gram_code = _first_seen(codes)
    words = np.repeat(np.arange(len(vocabulary), dtype=np.int64), lengths)
    grams = _counts(words, gram_column, len(vocabulary), len(gram_code))
    return sp.csr_matrix(per_word @ grams), (gram_code & 1).astype(bool)


def sentence_vectors(
    texts: Sequence[str], story: IntArray, word_share: float, name_weight: float
) -> tuple[sp.csr_matrix, IntArray]:
    """Unit-length rows: sqrt(word_share) * word TF-IDF ++ sqrt(1 - word_share) * char TF-IDF,
    IDF per story, columns private to each story; and the number of content words per row.

    Features are integer codes built with array operations; columns are numbered in order of
    first appearance, as counting the features one by one would. Character n-grams are generated
    once per distinct word: a sentence's character counts are its word counts times the words'
    n-gram counts (one sparse product)."""
    _LEXICON.trim()
    tokens = _tokens(texts, story)
    n_rows = len(texts)
    words, word_names, content = _word_counts(tokens, n_rows)
    chars, gram_names = _char_counts(tokens, n_rows)
    chars.sort_indices()
    parts = [
        _scaled_unit(_story_tfidf(counts, story, np.where(is_name, name_weight, 1.0)), share)
        for share, counts, is_name in (
            (word_share, words, word_names),
            (1.0 - word_share, chars, gram_names),
        )
    ]
    return _stack_unit(parts[0], parts[1]), content


def _story_tfidf(counts: sp.csr_matrix, story: IntArray, column_weight: FloatArray) -> sp.csr_matrix:
    """(1 + ln tf) * (ln((1 + n) / (1 + df)) + 1) * column weight, with n and df counted within
    each row's story. The columns of the result are private to a story (one per story and
    feature), so that a product of these rows never pairs sentences of different stories, and a
    column's df is simply how many rows use it. `counts` must have sorted indices; so has the
    result (private columns follow the feature order within a story)."""
    c = counts.indices.astype(np.int64)
    private, df, in_story = _private_columns(c, counts.indptr, story, counts.shape[1])
    # a weight per private column, then one per entry: columns are fewer than entries
    idf = np.log((1.0 + np.bincount(story)[in_story]) / (1.0 + df)) + 1.0
    weight = (1.0 + np.log(counts.data)) * idf[private] * column_weight[c]
    return sp.csr_matrix((weight, private, counts.indptr.copy()), shape=(counts.shape[0], len(df)))


def _private_columns(
    column: IntArray, indptr: IntArray, story: IntArray, n_columns: int
) -> tuple[IntArray, IntArray, IntArray]:
    """Each entry's story-private column (numbered by story, then feature); and each private
    column's df and story. Stories are contiguous rows, so each is one slice of the entries:
    counted with a bincount per story rather than a sort of all entries."""
    n_stories = int(story[-1]) + 1 if len(story) else 0
    bounds = indptr[np.searchsorted(story, np.arange(n_stories + 1))].tolist()
    private = np.empty(len(column), dtype=np.int64)
    df = np.empty(len(column), dtype=np.int64)  # at most one private column per entry
    in_story = np.empty(len(column), dtype=np.int64)
    local = np.empty(n_columns, dtype=np.int64)
    base = 0
    for s, (lo, hi) in enumerate(itertools.pairwise(bounds)):
        columns = column[lo:hi]
        used = np.bincount(columns, minlength=n_columns)
        present = np.flatnonzero(used)
        end = base + len(present)
        local[present] = np.arange(base, end)
        private[lo:hi] = local[columns]
        df[base:end], in_story[base:end] = used[present], s
        base = end
    return private, df[:base], in_story[:base]


# Scores are sums of products taken in the order entries are stored, so the order and the
# arithmetic below are fixed: they are those of the scipy calls this replaced (a row sum adds
# the first entry to numpy's pairwise sum of the rest; a diagonal scaling reverses each row),
# and every score stays what it was to the last bit.


def _inverse_norms(data: FloatArray, indptr: IntArray) -> FloatArray:
    """1 / Euclidean length of each row (1 for an empty row)."""
    squares = np.zeros(len(indptr) - 1)
    nonempty = np.flatnonzero(np.diff(indptr))
    if len(nonempty):
        squares[nonempty] = np.add.reduceat(data * data, indptr[nonempty])
    norms = np.sqrt(squares)
    norms[norms == 0] = 1.0
    return 1.0 / norms


def _scaled_unit(matrix: sp.csr_matrix, share: float) -> sp.csr_matrix:
    """Rows scaled to length sqrt(share); indices stay sorted."""
    row = np.repeat(np.arange(matrix.shape[0], dtype=np.int64), np.diff(matrix.indptr))
    data = _inverse_norms(matrix.data, matrix.indptr)[row] * matrix.data * np.sqrt(share)
    return sp.csr_matrix((data, matrix.indices, matrix.indptr), shape=matrix.shape)


def _stack_unit(words: sp.csr_matrix, chars: sp.csr_matrix) -> sp.csr_matrix:
    """[words | chars] with rows scaled to unit length, each row stored as its character
    entries, then its word entries."""
    n_words, n_chars = np.diff(words.indptr), np.diff(chars.indptr)
    indptr = words.indptr + chars.indptr
    rows = np.arange(words.shape[0], dtype=np.int64)
    total = int(indptr[-1])
    indices = np.empty(total, dtype=np.int64)
    data = np.empty(total)
    at_char = np.arange(chars.nnz, dtype=np.int64) + np.repeat(indptr[:-1] - chars.indptr[:-1], n_chars)
    at_word = np.arange(words.nnz, dtype=np.int64) + np.repeat(indptr[:-1] + n_chars - words.indptr[:-1], n_words)
    indices[at_char], data[at_char] = chars.indices + words.shape[1], chars.data
    indices[at_word], data[at_word] = words.indices, words.data
    data *= _inverse_norms(data, indptr)[np.repeat(rows, np.diff(indptr))]
    return sp.csr_matrix((data, indices, indptr), shape=(words.shape[0], words.shape[1] + chars.shape[1]))
