"""node:crypto beyond the parity corpus: host-Node cross-checks, abuse, limits, unsupported APIs.

Cross-checks run real JavaScript on both sides: what the sandbox signs, encrypts
or exports, host Node verifies, decrypts or imports, and the other way round.
The library functions are also called directly (as a guest that reached
`libCall` could) with forged handles and bad arguments.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

from conftest import run_host_node
from secure_exec import NodeRuntime
from secure_exec._engine._lib import LibState, call_lib


async def run_guest(code: str, timeout: float = 30) -> tuple[int, str, str]:
    out, err = bytearray(), bytearray()
    async with await NodeRuntime.create() as rt:
        result = await rt.exec(code, timeout=timeout, on_stdout=out.extend, on_stderr=err.extend)
    return result.exit_code, out.decode(), err.decode()


async def guest_json(code: str, timeout: float = 30) -> Any:
    code_, out, err = await run_guest(code, timeout)
    assert code_ == 0, err
    return json.loads(out)


def host_json(code: str, tmp_path: Path) -> Any:
    proc = run_host_node(code, tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()
    return json.loads(proc.stdout)


# ---------------------------------------------------------------- cross-checks with host Node

SANDBOX_PRODUCES = """
const crypto = require('crypto');
const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
const ed = crypto.generateKeyPairSync('ed25519');
const b64u = (b) => b.toString('base64').replace(/=+$/, '').replaceAll('+', '-').replaceAll('/', '_');
// A JWT signed RS256 the way jsonwebtoken does it.
const header = b64u(Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT' })));
const payload = b64u(Buffer.from(JSON.stringify({ sub: 'sandbox', n: 1 })));
const jwtSig = crypto.createSign('RSA-SHA256').update(`${header}.${payload}`).sign(rsa.privateKey, 'base64url');
const key = Buffer.alloc(32, 7);
const iv = Buffer.alloc(12, 9);
const gcm = crypto.createCipheriv('aes-256-gcm', key, iv);
gcm.setAAD(Buffer.from('aad'));
const gcmCt = Buffer.concat([gcm.update('sandbox secret'), gcm.final()]);
console.log(JSON.stringify({
  jwt: `${header}.${payload}.${jwtSig}`,
  rsaPub: rsa.publicKey.export({ type: 'spki', format: 'pem' }),
  rsaPriv: rsa.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' }),
  rsaPrivJwk: rsa.privateKey.export({ format: 'jwk' }),
  pss: crypto.sign('sha256', Buffer.from('pss'), { key: rsa.privateKey, padding: 6 }).toString('base64'),
  oaep: crypto.publicEncrypt({ key: rsa.publicKey, oaepHash: 'sha256' }, Buffer.from('oaep')).toString('base64'),
  ecPub: ec.publicKey.export({ format: 'jwk' }),
  ecSig: crypto.sign('sha384', Buffer.from('ec'), { key: ec.privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64'),
  ecSec1: ec.privateKey.export({ type: 'sec1', format: 'der' }).toString('base64'),
  edPub: ed.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
  edSig: crypto.sign(null, Buffer.from('ed'), ed.privateKey).toString('base64'),
  gcm: gcmCt.toString('base64'), tag: gcm.getAuthTag().toString('base64'),
}));
"""

HOST_CHECKS = """
const crypto = require('crypto');
const d = DATA;
const [h, p, s] = d.jwt.split('.');
const priv = crypto.createPrivateKey({ key: d.rsaPriv, passphrase: 'pw' });
const fromJwk = crypto.createPrivateKey({ key: d.rsaPrivJwk, format: 'jwk' });
const dec = crypto.createDecipheriv('aes-256-gcm', Buffer.alloc(32, 7), Buffer.alloc(12, 9));
dec.setAAD(Buffer.from('aad'));
dec.setAuthTag(Buffer.from(d.tag, 'base64'));
console.log(JSON.stringify({
  jwt: crypto.createVerify('RSA-SHA256').update(`${h}.${p}`).verify(d.rsaPub, s, 'base64url'),
  privMatches: crypto.createPublicKey(priv).export({ type: 'spki', format: 'pem' }) === d.rsaPub,
  jwkMatches: fromJwk.equals(priv),
  pss: crypto.verify('sha256', Buffer.from('pss'), { key: d.rsaPub, padding: 6 }, Buffer.from(d.pss, 'base64')),
  oaep: crypto.privateDecrypt({ key: priv, oaepHash: 'sha256' }, Buffer.from(d.oaep, 'base64')).toString(),
  ec: crypto.verify('sha384', Buffer.from('ec'), { key: d.ecPub, format: 'jwk', dsaEncoding: 'ieee-p1363' },
    Buffer.from(d.ecSig, 'base64')),
  ecSec1: crypto.createPrivateKey({ key: Buffer.from(d.ecSec1, 'base64'), format: 'der', type: 'sec1' }).asymmetricKeyType,
  ed: crypto.verify(null, Buffer.from('ed'), { key: Buffer.from(d.edPub, 'base64'), format: 'der', type: 'spki' },
    Buffer.from(d.edSig, 'base64')),
  gcm: Buffer.concat([dec.update(Buffer.from(d.gcm, 'base64')), dec.final()]).toString(),
}));
"""


async def test_host_node_accepts_what_the_sandbox_produces(tmp_path: Path) -> None:
    produced = await guest_json(SANDBOX_PRODUCES, timeout=60)
    checked = host_json(HOST_CHECKS.replace("DATA", json.dumps(produced)), tmp_path)
    assert checked == {
        "jwt": True,
        "privMatches": True,
        "jwkMatches": True,
        "pss": True,
        "oaep": "oaep",
        "ec": True,
        "ecSec1": "ec",
        "ed": True,
        "gcm": "sandbox secret",
    }


async def test_the_sandbox_accepts_what_host_node_produces(tmp_path: Path) -> None:
    produced = host_json(SANDBOX_PRODUCES, tmp_path)
    checked = await guest_json(HOST_CHECKS.replace("DATA", json.dumps(produced)), timeout=60)
    assert all(value not in (False, None) for value in checked.values()), checked
    assert checked["oaep"] == "oaep" and checked["gcm"] == "sandbox secret"


# ---------------------------------------------------------------- lists and unsupported APIs


async def test_lists_are_what_is_supported_sorted_like_node(tmp_path: Path) -> None:
    code = (
        "const c = require('crypto');"
        "console.log(JSON.stringify({ h: c.getHashes(), c: c.getCiphers(), k: c.getCurves() }));"
    )
    guest = await guest_json(code)
    host = host_json(code, tmp_path)
    assert guest["h"] == host["h"]
    for key in ("c", "k"):
        assert guest[key] == sorted(guest[key], key=lambda name: name.encode())
        assert set(guest[key]) <= set(host[key])
    assert {"aes-256-gcm", "aes-128-cbc", "chacha20-poly1305", "aes-192-ctr"} <= set(guest["c"])
    # Every listed cipher can be created.
    check = """
const c = require('crypto');
const bad = [];
for (const name of c.getCiphers()) {
  const klen = name.startsWith('chacha') ? 32 : Number((name.match(/(128|192|256)/) || ['256'])[0]) / 8;
  const ivlen = name.includes('ecb') ? 0 : /gcm|poly/i.test(name) ? 12 : 16;
  try { c.createCipheriv(name, Buffer.alloc(klen), ivlen ? Buffer.alloc(ivlen) : null).final(); }
  catch (e) { bad.push(name + ': ' + e.message); }
}
console.log(JSON.stringify(bad));
"""
    assert await guest_json(check) == []


UNSUPPORTED = [
    "createDiffieHellman(512)",
    "createDiffieHellmanGroup('modp14')",
    "getDiffieHellman('modp14')",
    "createECDH('prime256v1')",
    "checkPrimeSync(7n)",
    "generatePrimeSync(16)",
    "privateEncrypt('x', Buffer.alloc(1))",
    "publicDecrypt('x', Buffer.alloc(1))",
    "setEngine('x')",
    "secureHeapUsed()",
    "getCipherInfo('aes-128-cbc')",
    "setFips(true)",
    "generateKeyPairSync('rsa-pss', { modulusLength: 1024 })",
    "generateKeyPairSync('dsa', { modulusLength: 1024 })",
]


@pytest.mark.parametrize("call", UNSUPPORTED)
async def test_unsupported_apis_say_so(call: str) -> None:
    code = (
        f"try {{ require('crypto').{call}; console.log('no error'); }}"
        " catch (e) { console.log(JSON.stringify([e.code, e.message])); }"
    )
    code_, message = await guest_json(code)
    assert code_ == "ERR_NOT_SUPPORTED_IN_SANDBOX"
    assert message.endswith("is not supported in sandbox")


async def test_getfips_and_webcrypto_accessors_do_not_throw() -> None:
    out = await guest_json(
        "const c = require('crypto'); c.setFips(false);"
        "console.log(JSON.stringify([c.getFips(), typeof c.getRandomValues, 'webcrypto' in c, 'subtle' in c]))"
    )
    assert out == [0, "function", True, True]


# ---------------------------------------------------------------- abuse and limits


async def test_huge_parameters_give_node_shaped_errors_and_the_worker_survives() -> None:
    code = """
const c = require('crypto');
const out = {};
function t(label, fn) { try { fn(); out[label] = 'ok'; } catch (e) { out[label] = [e.name, e.code]; } }
t('randomBytes', () => c.randomBytes(2 ** 31));
t('randomBytesMax', () => c.randomBytes(2 ** 31 - 1));
t('scryptN', () => c.scryptSync('a', 'b', 16, { N: 2 ** 40 }));
t('scryptMaxmem', () => c.scryptSync('a', 'b', 16, { N: 2 ** 22, r: 8, maxmem: 2 ** 40 }));
t('scryptP', () => c.scryptSync('a', 'b', 16, { N: 16, r: 8, p: 2 ** 30 }));
t('pbkdf2Keylen', () => c.pbkdf2Sync('a', 'b', 1, 2 ** 31 - 1, 'sha1'));
t('hkdfLen', () => c.hkdfSync('sha256', 'a', 'b', 'c', 2 ** 31 - 1));
t('rsaBits', () => c.generateKeyPairSync('rsa', { modulusLength: 2 ** 20 }));
t('shakeHuge', () => c.createHash('shake256', { outputLength: 2 ** 32 - 1 }).digest());
console.log(JSON.stringify(out));
"""
    out = await guest_json(code, timeout=60)
    assert out["randomBytes"] == ["RangeError", "ERR_OUT_OF_RANGE"]
    assert out["randomBytesMax"] in ("ok", ["RangeError", "ERR_SANDBOX_RESOURCE_LIMIT"])
    assert out["scryptN"] == ["RangeError", "ERR_OUT_OF_RANGE"]  # N is a uint32 in Node
    assert out["scryptMaxmem"] == ["RangeError", "ERR_SANDBOX_RESOURCE_LIMIT"]
    assert out["scryptP"] == ["RangeError", "ERR_CRYPTO_INVALID_SCRYPT_PARAMS"]
    assert out["pbkdf2Keylen"][0] == "RangeError"
    assert out["hkdfLen"] == ["RangeError", "ERR_CRYPTO_INVALID_KEYLEN"]
    assert out["rsaBits"][0] == "Error"
    assert out["shakeHuge"][0] == "RangeError"
    assert await guest_json("console.log(JSON.stringify(require('crypto').randomBytes(4).length))") == 4


async def test_pbkdf2_with_absurd_iterations_is_bounded_by_the_execution_timeout() -> None:
    # Node allows 2**31-1 iterations and blocks; so do we: the wall-clock limit ends it.
    start = time.monotonic()
    async with await NodeRuntime.create() as rt:
        result = await rt.exec("require('crypto').pbkdf2Sync('a', 'b', 2 ** 31 - 1, 64, 'sha512')", timeout=2)
        assert result.exit_code != 0
        again = await rt.exec("console.log('alive')", timeout=10)
        assert again.exit_code == 0
    assert time.monotonic() - start < 30


async def test_many_hashes_without_digest_stay_cheap_and_bounded() -> None:
    code = """
const c = require('crypto');
const start = Date.now();
const keep = [];
for (let i = 0; i < 100000; i++) keep.push(c.createHash('sha256').update('x' + i));
for (let i = 0; i < 20000; i++) c.createHash('md5').update('y').digest('hex');
console.log(JSON.stringify([keep.length, keep[99999].digest('hex').length]));
"""
    assert await guest_json(code, timeout=60) == [100000, 64]


async def test_the_handle_table_limit_is_a_node_shaped_error() -> None:
    code = """
const c = require('crypto');
const keep = [];
try {
  for (let i = 0; i < 100001; i++) keep.push(c.createCipheriv('aes-128-ctr', Buffer.alloc(16), Buffer.alloc(16)));
  console.log(JSON.stringify('no limit'));
} catch (e) {
  console.log(JSON.stringify([e.name, e.code, keep.length]));
}
"""
    assert await guest_json(code, timeout=120) == ["RangeError", "ERR_SANDBOX_RESOURCE_LIMIT", 100000]


async def test_guest_cannot_forge_key_objects() -> None:
    code = """
const c = require('crypto');
const out = [];
const real = c.createSecretKey(Buffer.from('k'));
for (const fake of [{ type: 'secret' }, Object.create(c.KeyObject.prototype), Object.create(Object.getPrototypeOf(real))]) {
  try { c.createHmac('sha256', fake).digest(); out.push('accepted'); } catch (e) { out.push(e.code); }
}
try { new c.KeyObject('secret', 1); } catch (e) { out.push(e.code); }
try { Object.getPrototypeOf(real).export.call({}); } catch (e) { out.push(e.name); }
console.log(JSON.stringify(out));
"""
    out = await guest_json(code)
    assert out[:4] == ["ERR_INVALID_ARG_TYPE"] * 4
    assert out[4] == "TypeError"


# ---------------------------------------------------------------- the Python library directly


def lib(state: LibState, name: str, *args: Any) -> Any:
    return call_lib(state, name, list(args))


def test_forged_and_mistyped_handles_are_errors_not_crashes() -> None:
    state = LibState()
    hash_handle = lib(state, "crypto.hashNew", "sha256", None, b"x")["ok"]
    key_handle = lib(state, "crypto.keyImport", "secret", b"k", "raw", None)["ok"][0]
    for name, args in [
        ("crypto.hashUpdate", [999, b"x"]),
        ("crypto.hashUpdate", [key_handle, b"x"]),
        ("crypto.cipherUpdate", [hash_handle, b"x"]),
        ("crypto.keyExport", [hash_handle, "pem", "spki", None, None]),
        ("crypto.sign", ["sha256", key_handle, b"x", None, None, "der"]),
        ("crypto.hmacOnce", ["sha256", hash_handle, b"x"]),
        ("crypto.hashUpdate", ["1", b"x"]),
        ("crypto.hashUpdate", [True, b"x"]),
    ]:
        reply = lib(state, name, *args)
        assert "err" in reply, (name, args)
        assert reply["err"]["code"] in ("ERR_INVALID_STATE", "ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE"), reply
    for name, args in [
        ("crypto.hashUpdate", [hash_handle, "not bytes"]),
        ("crypto.hashOnce", [5, None, b""]),
        ("crypto.cipherNew", ["aes-128-cbc", b"k" * 16, 5, True, None]),
        ("crypto.scrypt", [b"", b"", 16, 16.5, 1, 1, 1 << 20]),
        ("crypto.keyImport", ["private", {"kty": "RSA", "n": 5}, "jwk", None]),
        ("crypto.keyGenerate", ["rsa", {"modulusLength": "big"}]),
        ("crypto.randomBytes", [-1]),
        ("crypto.pbkdf2", [b"", b"", 0, 1, "sha1"]),
    ]:
        reply = lib(state, name, *args)
        assert "err" in reply and reply["err"]["code"] != "ERR_INTERNAL_ASSERTION", (name, reply)
    assert lib(state, "crypto.hashDigest", hash_handle, b"")["ok"] == bytes.fromhex(
        "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881"
    )
    assert "err" in lib(state, "crypto.hashUpdate", hash_handle, b"x")  # released by digest


def test_the_handle_limit_applies_to_crypto_objects() -> None:
    state = LibState(max_handles=3)
    for _ in range(3):
        assert "ok" in lib(state, "crypto.cipherNew", "aes-128-ctr", b"k" * 16, b"i" * 16, True, None)
    reply = lib(state, "crypto.cipherNew", "aes-128-ctr", b"k" * 16, b"i" * 16, True, None)
    assert reply["err"]["code"] == "ERR_SANDBOX_RESOURCE_LIMIT"


def test_missing_entropy_is_a_deterministic_sandbox_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from secure_exec._engine._lib import _crypto

    def broken(size: int) -> bytes:
        raise NotImplementedError("no entropy source")

    monkeypatch.setattr(_crypto.os, "urandom", broken)
    state = LibState()
    reply = lib(state, "crypto.randomBytes", 16)
    assert reply["err"]["code"] == "ERR_NOT_SUPPORTED_IN_SANDBOX"
    assert "not supported in sandbox" in reply["err"]["message"]

    def oserror(size: int) -> bytes:
        raise OSError("getrandom failed")

    monkeypatch.setattr(_crypto.os, "urandom", oserror)
    assert lib(state, "crypto.randomBytes", 1)["err"]["code"] == "ERR_NOT_SUPPORTED_IN_SANDBOX"


async def test_create_hash_in_a_loop_is_fast() -> None:
    code = """
const c = require('crypto');
const t = Date.now();
for (let i = 0; i < 20000; i++) c.createHash('sha256').update('abc').digest('hex');
console.log(JSON.stringify(Date.now() - t));
"""
    elapsed_ms = await guest_json(code, timeout=60)
    assert elapsed_ms < 5000
