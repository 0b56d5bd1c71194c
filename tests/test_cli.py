"""The secure-exec command line, run as a user runs it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CLI = [sys.executable, "-m", "secure_exec"]


def cli(*args: str, stdin: bytes = b"", timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], input=stdin.decode(), capture_output=True, text=True, timeout=timeout)


def test_eval_prints_and_exits_zero() -> None:
    r = cli("eval", "console.log(1 + 1)")
    assert (r.returncode, r.stdout, r.stderr) == (0, "2\n", "")


def test_exit_code_is_passed_through() -> None:
    assert cli("eval", "process.exit(7)").returncode == 7
    r = cli("eval", "throw new Error('boom')")
    assert r.returncode == 1 and "Error: boom" in r.stderr


def test_run_file_with_arguments(tmp_path: Path) -> None:
    program = tmp_path / "prog.mjs"
    program.write_text("console.log(process.argv.slice(2).join(','), import.meta.url)")
    r = cli("run", str(program), "a", "--b", "c")
    assert r.returncode == 0, r.stderr
    assert r.stdout == "a,--b,c file:///root/prog.mjs\n"


def test_stdin_is_piped_to_the_guest() -> None:
    r = cli("eval", "process.stdin.pipe(process.stdout)", stdin=b"piped data\n")
    assert r.stdout == "piped data\n"


def test_cpu_limit_flag() -> None:
    r = cli("--cpu-time-limit", "300", "eval", "while (true) {}")
    assert r.returncode == 124
    assert "CPU time limit exceeded" in r.stderr


def test_env_flag_and_no_host_env() -> None:
    r = cli("--env", "A=1", "eval", "console.log(JSON.stringify(process.env))")
    assert r.stdout == '{"A":"1"}\n'


def test_timing_flag() -> None:
    code = "const a = Date.now(); const e = a + 20; while (Date.now() < e) {} console.log(Date.now() > a)"
    assert cli("--timing", "off", "eval", code).stdout == "true\n"


def test_help_explains_each_flag() -> None:
    r = cli("--help")
    assert r.returncode == 0
    for flag in ("--memory-limit", "--cpu-time-limit", "--timeout", "--timing", "--env", "--cwd", "run", "eval"):
        assert flag in r.stdout


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    r = cli("run", str(tmp_path / "nope.js"))
    assert r.returncode == 2 and "cannot read" in r.stderr


def test_fs_is_denied_without_allow_fs_and_mounts_are_read_only(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "q1.txt").write_text("numbers")
    code = (
        "const fs = require('fs');"
        "try { console.log(fs.readdirSync('/data').join()); } catch (e) { console.log(e.code); }"
        "try { fs.writeFileSync('/data/x', 'y'); } catch (e) { console.log(e.code); }"
    )
    r = cli("--mount", f"{reports}:/data", "eval", code)
    assert (r.returncode, r.stdout) == (0, "EACCES\nEACCES\n"), r.stderr
    r = cli("--allow-fs", "--mount", f"{reports}:/data", "eval", code)
    assert (r.returncode, r.stdout) == (0, "q1.txt\nEROFS\n"), r.stderr
    r = cli("--allow-fs", "--mount", f"{reports}:/data:rw", "eval", code)
    assert (r.returncode, r.stdout) == (0, "q1.txt\n"), r.stderr
    assert (reports / "x").read_text() == "y"


def test_allow_env_passes_only_named_host_variables() -> None:
    env = {"PATH": "/usr/bin:/bin", "SE_VISIBLE": "1", "SE_SECRET": "hunter2", "SE_LC_TEST": "c"}
    r = subprocess.run(
        [
            *CLI,
            "--allow-env",
            "SE_VISIBLE",
            "--allow-env",
            "SE_LC_*",
            "eval",
            "console.log(JSON.stringify(process.env))",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert r.stdout == '{"SE_VISIBLE":"1","SE_LC_TEST":"c"}\n', r.stderr


def test_module_access_cwd_flag(tmp_path: Path) -> None:
    pkg = tmp_path / "node_modules" / "greeter"
    pkg.mkdir(parents=True)
    (pkg / "index.js").write_text("module.exports = (n) => 'hello ' + n;")
    r = cli("--module-access-cwd", str(tmp_path), "eval", "console.log(require('greeter')('sandbox'))")
    assert (r.returncode, r.stdout) == (0, "hello sandbox\n"), r.stderr
