"""The worker's malloc settings take effect: large blocks come from the heap, not mmap."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# In a fresh process, malloc a block between glibc's default mmap threshold (128 KiB)
# and ours, and say whether it lies below the program break (the heap) or not (a
# mapping of its own, unmapped again on free).
_PROBE = """
import ctypes, ctypes.util, sys
from service import malloc_tuning
if sys.argv[1] == "tuned":
    assert malloc_tuning.tune_for_extraction()
libc = ctypes.CDLL(ctypes.util.find_library("c"))
libc.malloc.restype = libc.sbrk.restype = ctypes.c_void_p
libc.malloc.argtypes, libc.sbrk.argtypes = [ctypes.c_size_t], [ctypes.c_long]
block = libc.malloc(8 << 20)
print("heap" if block < libc.sbrk(0) else "mapped")
"""


def _where_8_mib_block_lands(mode: str) -> str:
    result = subprocess.run([sys.executable, "-c", _PROBE, mode], capture_output=True,
                            text=True, check=True, cwd=ROOT)
    return result.stdout.strip()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc only")
def test_tuned_process_keeps_large_blocks_in_the_heap():
    # The tuned probe also asserts that glibc accepted every setting.
    assert _where_8_mib_block_lands("default") == "mapped"
    assert _where_8_mib_block_lands("tuned") == "heap"
