"""What the guest's `fs` does that host Node cannot show: the sandbox's own limits and errors.

Watchers are unsupported, permission denials name the caller's path, reads
are bounded by the payload limit, descriptors are limited per execution and
released when it ends, and the host file API sees what the guest wrote.
"""

from __future__ import annotations

import json

from secure_exec import NodeRuntime
from secure_exec.permissions import Decision, FsRequest, Permissions


async def _run(rt: NodeRuntime, code: str) -> tuple[int, str, str]:
    await rt.mkdir("/root/work")
    result = await rt.exec(code, file_path="/root/work/index.js", cwd="/root/work", timeout=30)
    return result.exit_code, result.stdout, result.stderr


async def test_watchers_fail_at_once_with_the_unsupported_error(rt: NodeRuntime) -> None:
    code = """
    const fs = require('fs');
    fs.writeFileSync('w.txt', '');
    for (const [name, fn] of [
      ['watch', () => fs.watch('w.txt')],
      ['watchFile', () => fs.watchFile('w.txt', () => {})],
      ['unwatchFile', () => fs.unwatchFile('w.txt')],
      ['promises.watch', () => fs.promises.watch('w.txt')],
      ['watch-bad-path', () => fs.watch(42)],
    ]) {
      try { fn(); console.log(name, 'no error'); } catch (e) { console.log(name, e.code, e.message); }
    }
    """
    code_, out, err = await _run(rt, code)
    assert (code_, err) == (0, "")
    assert out.splitlines() == [
        "watch ERR_NOT_SUPPORTED_IN_SANDBOX fs.watch is not supported in sandbox",
        "watchFile ERR_NOT_SUPPORTED_IN_SANDBOX fs.watchFile is not supported in sandbox",
        "unwatchFile ERR_NOT_SUPPORTED_IN_SANDBOX fs.unwatchFile is not supported in sandbox",
        "promises.watch ERR_NOT_SUPPORTED_IN_SANDBOX fs.promises.watch is not supported in sandbox",
        'watch-bad-path ERR_INVALID_ARG_TYPE The "path" argument must be of type string or an instance of '
        "Buffer or URL. Received type number (42)",
    ]


async def test_a_denied_path_is_eacces_with_the_callers_spelling_and_the_reason() -> None:
    def policy(request: FsRequest) -> Decision:
        if request.path.startswith("/root/work/secret"):
            return Decision(False, "secrets stay put")
        return Decision(True)

    rt = await NodeRuntime.create(permissions=Permissions(fs=policy))
    try:
        code = """
        const fs = require('fs');
        const show = (label, fn) => {
          try { fn(); console.log(label, 'allowed'); }
          catch (e) { console.log(label, e.code, e.errno, e.syscall, e.path, e.message); }
        };
        show('read', () => fs.readFileSync('./secret.txt'));
        show('write', () => fs.writeFileSync('secret.txt', 'x'));
        show('mkdir', () => fs.mkdirSync('secret/dir', { recursive: true }));
        show('stat', () => fs.statSync('secret.txt'));
        show('rename-into', () => { fs.writeFileSync('ok.txt', ''); fs.renameSync('ok.txt', 'secret.txt'); });
        show('exists', () => { if (fs.existsSync('secret.txt')) throw new Error('visible'); });
        show('allowed', () => fs.writeFileSync('fine.txt', 'ok'));
        fs.readFile('secret.txt', (err) => console.log('cb', err.code, err.message));
        """
        code_, out, err = await _run(rt, code)
    finally:
        await rt.aclose()
    assert (code_, err) == (0, "")
    assert out.splitlines() == [
        "read EACCES -13 open ./secret.txt EACCES: permission denied, open './secret.txt': secrets stay put",
        "write EACCES -13 open secret.txt EACCES: permission denied, open 'secret.txt': secrets stay put",
        "mkdir EACCES -13 mkdir secret/dir EACCES: permission denied, mkdir 'secret/dir': secrets stay put",
        "stat EACCES -13 stat secret.txt EACCES: permission denied, stat 'secret.txt': secrets stay put",
        "rename-into EACCES -13 rename secret.txt EACCES: permission denied, rename 'secret.txt': secrets stay put",
        "exists allowed",
        "allowed allowed",
        "cb EACCES EACCES: permission denied, open 'secret.txt': secrets stay put",
    ]


async def test_reads_are_bounded_by_the_payload_limit() -> None:
    rt = await NodeRuntime.create(payload_limit_bytes=64 * 1024)
    try:
        await rt.write_file("/root/work/big.bin", bytes(range(256)) * 1024)  # 256 KiB
        code = """
        const fs = require('fs');
        try { fs.readFileSync('big.bin'); } catch (e) { console.log(e.name, e.code); }
        const fd = fs.openSync('big.bin');
        const buf = Buffer.alloc(200 * 1024);
        const n = fs.readSync(fd, buf, 0, buf.length, 0);
        console.log('short read', n > 0 && n <= 64 * 1024, buf[n - 1] === (n - 1) % 256);
        fs.closeSync(fd);
        let total = 0;
        fs.createReadStream('big.bin', { highWaterMark: 16 * 1024 })
          .on('data', (c) => { total += c.length; })
          .on('end', () => console.log('streamed', total));
        """
        code_, out, err = await _run(rt, code)
    finally:
        await rt.aclose()
    assert (code_, err) == (0, "")
    assert out.splitlines() == ["RangeError ERR_SANDBOX_PAYLOAD_TOO_LARGE", "short read true true", "streamed 262144"]


async def test_descriptors_are_limited_and_released_when_the_execution_ends(rt: NodeRuntime) -> None:
    code = """
    const fs = require('fs');
    fs.writeFileSync('f.txt', 'x');
    const fds = [];
    try {
      for (let i = 0; i < 2000; i++) fds.push(fs.openSync('f.txt'));
    } catch (e) {
      console.log(fds.length, e.code, e.syscall, e.message);
    }
    """
    code_, out, err = await _run(rt, code)
    assert (code_, err) == (0, "")
    assert out == "1024 EMFILE open EMFILE: too many open files, open 'f.txt'\n"
    # The next execution starts with an empty table again.
    code_, out, err = await _run(rt, code)
    assert out == "1024 EMFILE open EMFILE: too many open files, open 'f.txt'\n"


async def test_the_host_file_api_and_the_guest_see_the_same_files(rt: NodeRuntime) -> None:
    await rt.write_file("/root/work/from-host.json", json.dumps({"n": 1}))
    code = """
    const fs = require('fs');
    const data = JSON.parse(fs.readFileSync('from-host.json', 'utf8'));
    fs.mkdirSync('out/deep', { recursive: true });
    fs.writeFileSync('out/deep/from-guest.txt', `n=${data.n}`);
    """
    code_, out, err = await _run(rt, code)
    assert (code_, out, err) == (0, "", "")
    assert await rt.read_file("/root/work/out/deep/from-guest.txt") == b"n=1"
    assert await rt.read_dir("/root/work/out") == ["deep"]
