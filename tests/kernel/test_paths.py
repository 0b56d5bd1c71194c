"""Guest path normalisation: the one normaliser every layer uses."""

from __future__ import annotations

import posixpath

import pytest

from secure_exec._kernel._paths import is_within, join, normalize, relative_to, split


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/", "/"),
        ("", "/"),
        ("/a/b", "/a/b"),
        ("/a//b///c", "/a/b/c"),
        ("//a", "/a"),
        ("/a/./b/.", "/a/b"),
        ("/a/b/..", "/a"),
        ("/a/b/../../..", "/"),
        ("/../../etc/passwd", "/etc/passwd"),
        ("/a/../../../b", "/b"),
        ("/a/b/", "/a/b"),
        ("/a/b//", "/a/b"),
        ("/.", "/"),
        ("/..", "/"),
        ("/...", "/..."),
        ("/a/..b/c.", "/a/..b/c."),
        ("/ü/ø", "/ü/ø"),
    ],
)
def test_normalize_absolute(path: str, expected: str) -> None:
    assert normalize(path) == expected


@pytest.mark.parametrize(
    ("path", "cwd", "expected"),
    [
        ("x", "/", "/x"),
        ("x", "/home/u", "/home/u/x"),
        ("./x", "/home/u", "/home/u/x"),
        ("../x", "/home/u", "/home/x"),
        ("../../../../x", "/home/u", "/x"),
        (".", "/home/u", "/home/u"),
        ("", "/home/u", "/home/u"),
        ("/abs", "/home/u", "/abs"),
        ("a/b/", "/c", "/c/a/b"),
    ],
)
def test_normalize_relative(path: str, cwd: str, expected: str) -> None:
    assert normalize(path, cwd) == expected


def test_normalize_agrees_with_posixpath_below_root() -> None:
    for path in ["/a/b/../c", "/x/./y//z/", "/p/q/r/../../s", "/m/n/o/.."]:
        assert normalize(path) == posixpath.normpath(path)


def test_normalize_is_idempotent() -> None:
    for path in ["/a/../b/./c//", "x/../../y", "/"]:
        once = normalize(path, "/w")
        assert normalize(once) == once


def test_nul_bytes_are_refused() -> None:
    with pytest.raises(ValueError, match="null bytes"):
        normalize("/a\0b")
    with pytest.raises(ValueError, match="null bytes"):
        normalize("rel\0")


def test_split() -> None:
    assert split("/") == ("/", "")
    assert split("/a") == ("/", "a")
    assert split("/a/b/c") == ("/a/b", "c")


def test_join() -> None:
    assert join("/a", "b", "c") == "/a/b/c"
    assert join("/a", "../b") == "/b"
    assert join("/a", "/etc", "x") == "/etc/x"
    assert join("/a", "", "b/") == "/a/b"
    assert join() == "/"


def test_is_within() -> None:
    assert is_within("/data", "/data")
    assert is_within("/data/x/y", "/data")
    assert not is_within("/database", "/data")
    assert not is_within("/dat", "/data")
    assert is_within("/anything", "/")
    assert is_within("/", "/")


def test_relative_to() -> None:
    assert relative_to("/data/x/y", "/data") == "/x/y"
    assert relative_to("/data", "/data") == "/"
    assert relative_to("/x", "/") == "/x"
    with pytest.raises(ValueError):
        relative_to("/database", "/data")
