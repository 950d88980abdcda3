"""Which library multiplies the model's matrices: numpy's BLAS, or thinc's default, blis.

thinc sends every dense layer through blis. The blis 1.3 wheels pick their kernels from
a CPU table that stops at AMD Zen 2 (family 0x17): on newer CPUs (our Zen 3 hosts,
family 0x19) they fall back to blis' generic C kernels. numpy's OpenBLAS dispatches on
the CPU's features instead and runs the same products about twice as fast there: the
tok2vec layers take 45% of the time, NER 23% less (bench/speed.py measures both
backends in one run). Same weights and architecture; the extractions on the seeds are
identical (tested). The transition loops of the parser and NER keep blis: thinc gives
no way to swap their C-level calls.
"""

from __future__ import annotations

from spacy.language import Language
from thinc.api import Model, NumpyOps
from threadpoolctl import threadpool_limits

NUMPY = "numpy"
BLIS = "blis"
BACKENDS = (NUMPY, BLIS)
DEFAULT_BACKEND = NUMPY


def use_backend(nlp: Language, backend: str) -> None:
    """Make every model of ``nlp`` multiply with ``backend`` (once, after loading)."""
    if backend not in BACKENDS:
        raise ValueError(f"unknown matmul backend {backend!r}; expected one of {BACKENDS}")
    if backend == BLIS:
        return  # thinc's default: what spacy.load set up
    # One process per core serves requests: BLAS threads of its own would only contend.
    threadpool_limits(1, user_api="blas")
    ops = NumpyOps(use_blis=False)
    for _name, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if isinstance(model, Model):
            for node in model.walk():
                node.ops = ops


def backend_of(nlp: Language) -> str:
    """The backend the pipeline's models multiply with."""
    for _name, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if isinstance(model, Model):
            ops = model.ops
            return NUMPY if isinstance(ops, NumpyOps) and not ops.use_blis else BLIS
    return BLIS
