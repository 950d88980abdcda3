"""RSS and PSS of a gunicorn master and its workers, read from /proc (Linux only)."""

from __future__ import annotations

import os
from pathlib import Path

PROC = Path("/proc")


def children(pid: int) -> list[int]:
    """Direct child processes of ``pid``."""
    found = []
    for stat in PROC.glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # exited while we looked
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return sorted(found)


def _kib(path: Path, key: str) -> int | None:
    try:
        for line in path.read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def usage(pid: int) -> dict[str, float | None]:
    """Resident (VmRSS) and proportional (Pss: shared pages split) set size in MiB."""
    rss = _kib(PROC / str(pid) / "status", "VmRSS")
    pss = _kib(PROC / str(pid) / "smaps_rollup", "Pss")
    return {"rss_mib": rss / 1024 if rss is not None else None,
            "pss_mib": pss / 1024 if pss is not None else None}


def of_tree(master: int) -> dict:
    """Memory of the master and each worker, plus totals."""
    workers = {pid: usage(pid) for pid in children(master)}
    master_use = usage(master)
    everyone = [master_use, *workers.values()]
    return {"master": master_use, "workers": workers,
            "total_rss_mib": sum(u["rss_mib"] or 0 for u in everyone),
            "total_pss_mib": sum(u["pss_mib"] or 0 for u in everyone)}


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of one process so far (0 if it is gone)."""
    try:
        fields = (PROC / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def tree_cpu_seconds(master: int) -> float:
    """CPU time of the master and its live children: the server's share of the machine."""
    return cpu_seconds(master) + sum(cpu_seconds(pid) for pid in children(master))
