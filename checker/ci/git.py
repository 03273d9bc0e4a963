"""Which corpus files changed since a git ref: added, modified or renamed, plus untracked files."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from pathlib import Path


class GitError(ValueError):
    """Not a git repository, an unknown ref, or git itself failed: a usage problem."""


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    # paths relative to the top level and unquoted, whatever the user's configuration says
    command = ["git", "-c", "core.quotepath=off", "-c", "diff.relative=false", *args]
    try:
        return subprocess.run(command, cwd=cwd, capture_output=True, check=False, timeout=120)
    except FileNotFoundError as exc:
        raise GitError("--changed-since needs git, and no git command was found") from exc
    except subprocess.TimeoutExpired as exc:
        raise GitError(f"git {args[0]} took too long in {cwd}") from exc


def _message(done: subprocess.CompletedProcess[bytes]) -> str:
    lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
    return lines[-1] if lines else ""


def toplevel(path: Path) -> Path:
    """The top folder of the git work tree holding `path`."""
    folder = path if path.is_dir() else path.parent
    done = _git(folder.resolve(), "rev-parse", "--show-toplevel")
    if done.returncode != 0 or not done.stdout.strip():
        detail = _message(done)
        raise GitError(f"--changed-since: {path} is not in a git repository" + (f" ({detail})" if detail else ""))
    return Path(os.fsdecode(done.stdout.strip())).resolve()


def resolve_ref(top: Path, ref: str) -> str:
    """The commit `ref` names in the repository at `top`."""
    if not ref or ref.startswith("-"):
        raise GitError(f"--changed-since: {ref!r} is not a git ref")
    done = _git(top, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    if done.returncode != 0 or not done.stdout.strip():
        raise GitError(f"--changed-since: unknown git ref {ref!r} in {top}")
    return done.stdout.decode("ascii").strip()


def changed_files(paths: Sequence[Path], ref: str) -> set[Path]:
    """Resolved paths of the files added, modified or renamed since `ref` (committed, staged or
    not) and of untracked files that are not ignored, in the repositories holding `paths`."""
    tops = dict.fromkeys(toplevel(path) for path in paths)
    changed: set[Path] = set()
    for top in tops:
        commit = resolve_ref(top, ref)
        diff = _git(top, "diff", "--name-only", "-z", "--no-ext-diff", "--diff-filter=AMR", commit, "--")
        if diff.returncode != 0:
            raise GitError(f"--changed-since: git diff failed in {top}: {_message(diff)}")
        untracked = _git(top, "ls-files", "-z", "--others", "--exclude-standard")
        if untracked.returncode != 0:
            raise GitError(f"--changed-since: git ls-files failed in {top}: {_message(untracked)}")
        for raw in [*diff.stdout.split(b"\0"), *untracked.stdout.split(b"\0")]:
            if raw:
                changed.add((top / os.fsdecode(raw)).resolve())
    return changed
