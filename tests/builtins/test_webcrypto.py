"""Web Crypto beyond the parity corpus: interop with host Node, abuse, limits, entropy failure.

Interop tests make keys and signatures in the sandbox and check them with host
Node's own WebCrypto (and the other way round). Abuse tests feed absurd
parameters and forged keys from guest code and call the library functions
directly with forged handles: every case must end as a clean, Node-shaped
error, promptly, with the worker still serving.
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
from secure_exec._engine._lib import _webcrypto as wc


async def run_guest(rt: NodeRuntime, code: str, timeout: float = 60) -> tuple[int, str, str]:
    out, err = bytearray(), bytearray()
    result = await rt.exec(code, file_path="/root/main.js", timeout=timeout, on_stdout=out.extend, on_stderr=err.extend)
    return result.exit_code, out.decode(), err.decode()


def host(code: str, tmp_path: Path) -> str:
    proc = run_host_node(code, tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()
    return proc.stdout.decode()


# ---------------------------------------------------------------- interop with host Node

MAKE_SIGNATURES = """
const { subtle } = globalThis.crypto;
const hex = (b) => Buffer.from(b).toString('hex');
const data = Buffer.from('interop payload');
(async () => {
  const out = {};
  const cases = {
    ecdsa: [{ name: 'ECDSA', namedCurve: 'P-384' }, { name: 'ECDSA', hash: 'SHA-384' }],
    ed25519: [{ name: 'Ed25519' }, { name: 'Ed25519' }],
    pss: [{ name: 'RSA-PSS', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
      { name: 'RSA-PSS', saltLength: 32 }],
    pkcs1: [{ name: 'RSASSA-PKCS1-v1_5', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-512' },
      { name: 'RSASSA-PKCS1-v1_5' }],
  };
  for (const [label, [gen, params]] of Object.entries(cases)) {
    const pair = await subtle.generateKey(gen, true, ['sign', 'verify']);
    out[label] = {
      spki: hex(await subtle.exportKey('spki', pair.publicKey)),
      jwk: await subtle.exportKey('jwk', pair.privateKey),
      sig: hex(await subtle.sign(params, pair.privateKey, data)),
    };
  }
  const aes = await subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']);
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  out.gcm = { key: hex(await subtle.exportKey('raw', aes)), iv: hex(iv),
    ct: hex(await subtle.encrypt({ name: 'AES-GCM', iv, additionalData: data }, aes, data)) };
  const oaep = await subtle.generateKey({ name: 'RSA-OAEP', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]),
    hash: 'SHA-256' }, true, ['encrypt', 'decrypt']);
  out.oaep = { pkcs8: hex(await subtle.exportKey('pkcs8', oaep.privateKey)),
    ct: hex(await subtle.encrypt({ name: 'RSA-OAEP' }, oaep.publicKey, data)) };
  const x = await subtle.generateKey({ name: 'X25519' }, true, ['deriveBits']);
  out.x25519 = { pkcs8: hex(await subtle.exportKey('pkcs8', x.privateKey)), raw: hex(await subtle.exportKey('raw', x.publicKey)) };
  console.log(JSON.stringify(out));
})();
"""

CHECK_SIGNATURES = """
const { subtle } = globalThis.crypto;
const bytes = (h) => Buffer.from(h, 'hex');
const data = Buffer.from('interop payload');
const made = MADE;
(async () => {
  const cases = {
    ecdsa: [{ name: 'ECDSA', namedCurve: 'P-384' }, { name: 'ECDSA', hash: 'SHA-384' }],
    ed25519: [{ name: 'Ed25519' }, { name: 'Ed25519' }],
    pss: [{ name: 'RSA-PSS', hash: 'SHA-256' }, { name: 'RSA-PSS', saltLength: 32 }],
    pkcs1: [{ name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-512' }, { name: 'RSASSA-PKCS1-v1_5' }],
  };
  const res = {};
  for (const [label, [alg, params]] of Object.entries(cases)) {
    const pub = await subtle.importKey('spki', bytes(made[label].spki), alg, false, ['verify']);
    const priv = await subtle.importKey('jwk', made[label].jwk, alg, false, ['sign']);
    const again = await subtle.sign(params, priv, data);
    res[label] = [
      await subtle.verify(params, pub, bytes(made[label].sig), data),
      await subtle.verify(params, pub, again, data),
      await subtle.verify(params, pub, bytes(made[label].sig), Buffer.from('other')),
    ];
  }
  const key = await subtle.importKey('raw', bytes(made.gcm.key), 'AES-GCM', false, ['decrypt']);
  res.gcm = Buffer.from(await subtle.decrypt({ name: 'AES-GCM', iv: bytes(made.gcm.iv), additionalData: data }, key,
    bytes(made.gcm.ct))).toString();
  const oaep = await subtle.importKey('pkcs8', bytes(made.oaep.pkcs8), { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['decrypt']);
  res.oaep = Buffer.from(await subtle.decrypt({ name: 'RSA-OAEP' }, oaep, bytes(made.oaep.ct))).toString();
  const xPriv = await subtle.importKey('pkcs8', bytes(made.x25519.pkcs8), 'X25519', false, ['deriveBits']);
  const xPub = await subtle.importKey('raw', bytes(made.x25519.raw), 'X25519', false, []);
  res.x25519 = (await subtle.deriveBits({ name: 'X25519', public: xPub }, xPriv, 256)).byteLength;
  console.log(JSON.stringify(res));
})();
"""

EXPECTED_CHECK = {
    "ecdsa": [True, True, False],
    "ed25519": [True, True, False],
    "pss": [True, True, False],
    "pkcs1": [True, True, False],
    "gcm": "interop payload",
    "oaep": "interop payload",
    "x25519": 32,
}


async def test_sandbox_keys_and_signatures_accepted_by_host_node(rt: NodeRuntime, tmp_path: Path) -> None:
    code, out, err = await run_guest(rt, MAKE_SIGNATURES)
    assert code == 0, err
    made = json.loads(out)
    checked = json.loads(host(CHECK_SIGNATURES.replace("MADE", json.dumps(made)), tmp_path))
    assert checked == EXPECTED_CHECK


async def test_host_node_keys_and_signatures_accepted_by_sandbox(rt: NodeRuntime, tmp_path: Path) -> None:
    made = json.loads(host(MAKE_SIGNATURES, tmp_path))
    code, out, err = await run_guest(rt, CHECK_SIGNATURES.replace("MADE", json.dumps(made)))
    assert code == 0, err
    assert json.loads(out) == EXPECTED_CHECK


# ---------------------------------------------------------------- abuse from guest code

ABUSE = """
const { subtle } = globalThis.crypto;
const report = async (label, p) => {
  try {
    const r = await p;
    console.log(label, 'ok', r && r.byteLength);
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
};
(async () => {
  const pw = await subtle.importKey('raw', Buffer.from('pw'), 'PBKDF2', false, ['deriveBits']);
  await report('pbkdf2-iterations', subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-512', iterations: 4294967295,
    salt: new Uint8Array(8) }, pw, 512));
  await report('pbkdf2-length', subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-1', iterations: 1000,
    salt: new Uint8Array(8) }, pw, 4294967288));
  await report('pbkdf2-sane', subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', iterations: 100000,
    salt: new Uint8Array(8) }, pw, 256));
  for (const modulusLength of [4294967295, 100000, 16392, 256, 0]) {
    await report(`rsa-${modulusLength}`, subtle.generateKey({ name: 'RSA-PSS', modulusLength,
      publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['sign']));
  }
  await report('hmac-huge', subtle.generateKey({ name: 'HMAC', hash: 'SHA-256', length: 4294967288 }, true, ['sign']));
  const hk = await subtle.importKey('raw', new Uint8Array(16), 'HKDF', false, ['deriveBits']);
  await report('hkdf-huge', subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0),
    info: new Uint8Array(0) }, hk, 4294967288));
  try {
    crypto.getRandomValues(new Uint8Array(1 << 24));
  } catch (e) {
    console.log('random-huge', e.name, e.message);
  }
  let n = 0;
  for (let i = 0; i < 5000; i++) n += crypto.getRandomValues(new Uint8Array(64)).length;
  console.log('random-many', n);
  // Forged and borrowed keys: nothing outside a real CryptoKey reaches the key table.
  const aes = await subtle.importKey('raw', new Uint8Array(16), 'AES-GCM', false, ['encrypt']);
  const forged = [Object.create(CryptoKey.prototype), { type: 'secret', algorithm: { name: 'AES-GCM' }, usages: ['encrypt'] },
    new Proxy(aes, {}), Object.setPrototypeOf({ __proto__: aes }, CryptoKey.prototype)];
  for (const key of forged) {
    await report('forged', subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, key, new Uint8Array(4)));
  }
  console.log('own', Reflect.ownKeys(aes).length, JSON.stringify(aes));
  try {
    Object.getOwnPropertyDescriptor(CryptoKey.prototype, 'algorithm').get.call(Object.create(CryptoKey.prototype));
  } catch (e) {
    console.log('getter', e.name, e.code);
  }
  await report('after', subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, aes, new Uint8Array(4)));
})();
"""


async def test_abuse_fails_cleanly_and_promptly(rt: NodeRuntime) -> None:
    started = time.monotonic()
    code, out, err = await run_guest(rt, ABUSE, timeout=120)
    elapsed = time.monotonic() - started
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("pbkdf2-iterations RangeError ERR_SANDBOX_RESOURCE_LIMIT")
    assert lines[1].startswith("pbkdf2-length RangeError ERR_SANDBOX_RESOURCE_LIMIT")
    assert lines[2] == "pbkdf2-sane ok 32"
    failed = "OperationError 0 The operation failed for an operation-specific reason"
    assert lines[3:8] == [f"rsa-{n} {failed}" for n in (4294967295, 100000, 16392, 256, 0)]
    assert lines[8] == f"hmac-huge {failed}"
    assert lines[9] == f"hkdf-huge {failed}"
    assert lines[10] == "random-huge QuotaExceededError The requested length exceeds 65,536 bytes"
    assert lines[11] == "random-many 320000"
    not_a_key = "TypeError ERR_INVALID_ARG_TYPE Failed to execute 'encrypt' on 'SubtleCrypto': 2nd argument is not of type CryptoKey."
    assert lines[12:16] == [f"forged {not_a_key}"] * 4
    assert lines[16] == "own 0 {}"
    assert lines[17] == "getter TypeError ERR_INVALID_THIS"
    assert lines[18] == "after ok 20"
    assert elapsed < 60


# ---------------------------------------------------------------- library functions, called directly


def lib(state: LibState, name: str, *args: Any) -> dict[str, Any]:
    return call_lib(state, name, list(args))


def test_forged_handles_are_rejected_by_the_library() -> None:
    state = LibState()
    secret = lib(state, "webcrypto.secret", b"k" * 16)["ok"]
    pair = lib(state, "webcrypto.generate_pair", "ec", {"namedCurve": "P-256"})["ok"]
    pub, priv = pair[0], pair[1]
    other = state.add(object())  # something else in the table (a hash, a zlib stream...)
    iv = {"iv": b"\0" * 12, "tagLength": 128}
    cases: list[tuple[str, tuple[Any, ...]]] = [
        ("webcrypto.cipher", ("AES-GCM", True, 99999, b"x", iv)),
        ("webcrypto.cipher", ("AES-GCM", True, -1, b"x", iv)),
        ("webcrypto.cipher", ("AES-GCM", True, "1", b"x", iv)),
        ("webcrypto.cipher", ("AES-GCM", True, other, b"x", iv)),
        ("webcrypto.cipher", ("AES-GCM", True, priv, b"x", iv)),
        ("webcrypto.cipher", ("RSA-OAEP", True, secret, b"x", {"hash": "SHA-1"})),
        ("webcrypto.sign", ("ECDSA", pub, b"x", {"hash": "SHA-256"})),
        ("webcrypto.sign", ("ECDSA", secret, b"x", {"hash": "SHA-256"})),
        ("webcrypto.sign", ("Ed25519", priv, b"x", {})),
        ("webcrypto.sign", ("RSA-PSS", priv, b"x", {"hash": "SHA-256", "saltLength": 1})),
        ("webcrypto.sign", ("HMAC", secret, b"x", {"hash": "MD5"})),
        ("webcrypto.verify", ("ECDSA", priv, b"s", b"x", {"hash": "SHA-256"})),
        ("webcrypto.derive", ("ECDH", priv, {"public": secret}, 256)),
        ("webcrypto.derive", ("ECDH", pub, {"public": pub}, 256)),
        ("webcrypto.derive", ("PBKDF2", priv, {"hash": "SHA-256", "salt": b"", "iterations": 1}, 256)),
        ("webcrypto.derive", ("PBKDF2", secret, {"hash": "SHA-256", "salt": "s", "iterations": 1}, 256)),
        ("webcrypto.derive", ("PBKDF2", secret, {"hash": "SHA-256", "salt": b"", "iterations": 0}, 256)),
        ("webcrypto.export", (other, "raw")),
        ("webcrypto.export", (priv, "raw")),
        ("webcrypto.export", (pub, "pkcs8")),
        ("webcrypto.import", ("dsa", "spki", b"", None)),
        ("webcrypto.import", ("ec", "spki", b"\x30\x00", "P-256")),
        ("webcrypto.import", ("ec", "jwk", {"x": 5}, "P-256")),
        ("webcrypto.import", ("rsa", "jwk", {"n": "AQAB", "e": "AQAB", "d": "AQAB"}, None)),
        ("webcrypto.generate_pair", ("rsa", {"modulusLength": 1 << 40, "publicExponent": b"\x01\x00\x01"})),
        ("webcrypto.generate_pair", ("ec", {"namedCurve": "P-999"})),
        ("webcrypto.digest", ("SHA-256", "not bytes")),
        ("webcrypto.random", (1 << 30,)),
        ("webcrypto.random", (-1,)),
    ]
    for name, args in cases:
        reply = lib(state, name, *args)
        assert "err" in reply, (name, args, reply)
        assert reply["err"].get("code") != "ERR_INTERNAL_ASSERTION", (name, args, reply)
    # The table still works after all that.
    ok = lib(state, "webcrypto.sign", "ECDSA", priv, b"x", {"hash": "SHA-256"})
    assert len(ok["ok"]) == 64


def test_no_entropy_source_is_a_deterministic_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def unavailable(n: int) -> bytes:
        raise NotImplementedError("no randomness source")

    monkeypatch.setattr(wc, "_os_random", unavailable)
    state = LibState()
    for name, args in [("webcrypto.random", (16,)), ("webcrypto.generate_secret", (16,))]:
        for _ in range(2):
            reply = lib(state, name, *args)
            assert reply == {
                "err": {
                    "message": "secure random number generation is not supported in sandbox",
                    "name": "Error",
                    "code": "ERR_NOT_SUPPORTED_IN_SANDBOX",
                }
            }


def test_ctr_counter_wraps_only_in_its_low_bits() -> None:
    key = bytes(range(16))
    counter = bytes(15) + b"\xff"
    data = bytes(48)
    out = wc._ctr(key, counter, 8, data)
    # Block 0 uses ...ff, block 1 wraps to ...00 (the high bits stay), block 2 is ...01.
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    def block(c: bytes) -> bytes:
        enc = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
        return enc.update(c) + enc.finalize()

    assert out == block(counter) + block(bytes(16)) + block(bytes(15) + b"\x01")
