"""node:crypto, the Python half: hashes, HMAC, entropy and key derivation.

Ciphers live in `_crypto_cipher`, asymmetric keys and signatures in
`_crypto_keys`. The guest-side glue (js/src/crypto*.js) validates arguments
the way Node does; everything here re-checks what it relies on, because the
guest shares the isolate with the glue and can call `libCall` with anything.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from . import LibError, LibState, register

#: Node's digest names (lower-cased; OpenSSL looks them up case-insensitively) -> hashlib's.
DIGESTS: dict[str, str] = {}
for _names, _impl in (
    (("md5", "rsa-md5", "md5withrsaencryption", "ssl3-md5"), "md5"),
    (("sha1", "rsa-sha1", "rsa-sha1-2", "sha1withrsaencryption", "ssl3-sha1", "sha-1"), "sha1"),
    (("sha224", "rsa-sha224", "sha224withrsaencryption", "sha2-224", "sha-224"), "sha224"),
    (("sha256", "rsa-sha256", "sha256withrsaencryption", "sha2-256", "sha-256"), "sha256"),
    (("sha384", "rsa-sha384", "sha384withrsaencryption", "sha2-384", "sha-384"), "sha384"),
    (("sha512", "rsa-sha512", "sha512withrsaencryption", "sha2-512", "sha-512"), "sha512"),
    (("sha512-224", "rsa-sha512/224", "sha512-224withrsaencryption", "sha2-512/224", "sha-512/224"), "sha512_224"),
    (("sha512-256", "rsa-sha512/256", "sha512-256withrsaencryption", "sha2-512/256", "sha-512/256"), "sha512_256"),
    (("sha3-224", "rsa-sha3-224", "id-rsassa-pkcs1-v1_5-with-sha3-224"), "sha3_224"),
    (("sha3-256", "rsa-sha3-256", "id-rsassa-pkcs1-v1_5-with-sha3-256"), "sha3_256"),
    (("sha3-384", "rsa-sha3-384", "id-rsassa-pkcs1-v1_5-with-sha3-384"), "sha3_384"),
    (("sha3-512", "rsa-sha3-512", "id-rsassa-pkcs1-v1_5-with-sha3-512"), "sha3_512"),
    (("shake128", "shake-128"), "shake_128"),
    (("shake256", "shake-256"), "shake_256"),
    (("blake2b512",), "blake2b"),
    (("blake2s256",), "blake2s"),
    (("ripemd160", "ripemd", "rmd160", "rsa-ripemd160", "ripemd160withrsa", "ripemd-160"), "ripemd160"),
    (("md5-sha1",), "md5-sha1"),
    (("sm3", "rsa-sm3", "sm3withrsaencryption"), "sm3"),
):
    if _impl in hashlib.algorithms_available:
        for _name in _names:
            DIGESTS[_name] = _impl

#: Default output lengths of the extendable-output functions (Node 22's).
XOF_DEFAULT = {"shake_128": 16, "shake_256": 32}

#: Largest single random request (Node's kMaxLength for randomBytes).
MAX_RANDOM = 2**31 - 1
#: scrypt memory the sandbox allows whatever maxmem the guest passes.
SCRYPT_CAP = 256 * 1024 * 1024
#: Largest derived key pbkdf2/scrypt produce (Node: INT32_MAX; we bound memory too).
MAX_KEYLEN = 64 * 1024 * 1024


def digest_name(name: Any) -> str:
    """hashlib's name for a Node digest name, or a Node-shaped 'Invalid digest'."""
    impl = DIGESTS.get(name.lower()) if isinstance(name, str) else None
    if impl is None:
        raise LibError(f"Invalid digest: {name}", "ERR_CRYPTO_INVALID_DIGEST", "TypeError")
    return impl


def hash_algorithm(name: Any) -> hashes.HashAlgorithm:
    """The `cryptography` algorithm object for a Node digest name (for HKDF, signatures, OAEP)."""
    impl = digest_name(name)
    table: dict[str, hashes.HashAlgorithm] = {
        "md5": hashes.MD5(),
        "sha1": hashes.SHA1(),
        "sha224": hashes.SHA224(),
        "sha256": hashes.SHA256(),
        "sha384": hashes.SHA384(),
        "sha512": hashes.SHA512(),
        "sha512_224": hashes.SHA512_224(),
        "sha512_256": hashes.SHA512_256(),
        "sha3_224": hashes.SHA3_224(),
        "sha3_256": hashes.SHA3_256(),
        "sha3_384": hashes.SHA3_384(),
        "sha3_512": hashes.SHA3_512(),
        "blake2b": hashes.BLAKE2b(64),
        "blake2s": hashes.BLAKE2s(32),
        "sm3": hashes.SM3(),
    }
    algorithm = table.get(impl)
    if algorithm is None:
        raise LibError(f"Invalid digest: {name}", "ERR_CRYPTO_INVALID_DIGEST", "TypeError")
    return algorithm


def as_bytes(value: Any, what: str = "data") -> bytes:
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)
    raise LibError(f'The "{what}" argument must be bytes', "ERR_INVALID_ARG_TYPE", "TypeError")


def as_int(value: Any, what: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise LibError(f'The value of "{what}" is out of range.', "ERR_OUT_OF_RANGE", "RangeError")
    return value


class _Hash:
    """A running hash and the output length its digest will have (None: the natural one)."""

    def __init__(self, impl: Any, length: int | None) -> None:
        self.impl = impl
        self.length = length


def _new_hash(name: Any, length: Any) -> _Hash:
    impl = digest_name(name)
    if length is not None:
        length = as_int(length, "outputLength", 0, MAX_KEYLEN)
    if impl in XOF_DEFAULT:
        return _Hash(hashlib.new(impl), XOF_DEFAULT[impl] if length is None else length)
    obj = hashlib.new(impl)
    if length is not None and length != obj.digest_size:
        raise LibError(
            "error:030000B2:digital envelope routines::not XOF or invalid length",
            "ERR_OSSL_EVP_NOT_XOF_OR_INVALID_LENGTH",
        )
    return _Hash(obj, None)


def _finish(h: _Hash) -> bytes:
    if h.length is not None:
        return bytes(h.impl.digest(h.length))
    return bytes(h.impl.digest())


@register("crypto.hashCheck")
def hash_check(state: LibState, name: Any, length: Any) -> bool:
    """Validates a digest name and output length without keeping anything."""
    _new_hash(name, length)
    return True


@register("crypto.hashOnce")
def hash_once(state: LibState, name: Any, length: Any, data: Any) -> bytes:
    h = _new_hash(name, length)
    h.impl.update(as_bytes(data))
    return _finish(h)


@register("crypto.hashNew")
def hash_new(state: LibState, name: Any, length: Any, data: Any) -> int:
    h = _new_hash(name, length)
    h.impl.update(as_bytes(data))
    return state.add(h)


@register("crypto.hashUpdate")
def hash_update(state: LibState, handle: Any, data: Any) -> None:
    state.get(handle, _Hash).impl.update(as_bytes(data))


@register("crypto.hashDigest")
def hash_digest(state: LibState, handle: Any, data: Any) -> bytes:
    h = state.get(handle, _Hash)
    h.impl.update(as_bytes(data))
    state.release(handle)
    return _finish(h)


@register("crypto.hashCopy")
def hash_copy(state: LibState, handle: Any, length: Any) -> int:
    h = state.get(handle, _Hash)
    if length is not None:
        length = as_int(length, "outputLength", 0, MAX_KEYLEN)
        if h.length is None:
            raise LibError(
                "error:030000B2:digital envelope routines::not XOF or invalid length",
                "ERR_OSSL_EVP_NOT_XOF_OR_INVALID_LENGTH",
            )
    return state.add(_Hash(h.impl.copy(), h.length if length is None else length))


@register("crypto.hashRelease")
def hash_release(state: LibState, handle: Any) -> None:
    state.get(handle, _Hash)
    state.release(handle)


# ---------------------------------------------------------------- HMAC


class _Hmac:
    def __init__(self, impl: hmac.HMAC) -> None:
        self.impl = impl


def secret_bytes(state: LibState, key: Any) -> bytes:
    """Key material: raw bytes, or the handle of a secret KeyObject (an int)."""
    if isinstance(key, int) and not isinstance(key, bool):
        return bytes(state.get(key, bytes))
    return as_bytes(key, "key")


def _fixed_digest(name: Any) -> str:
    """hashlib's name for a digest HMAC and PBKDF2 can use: not an XOF (shake*)."""
    impl = digest_name(name)
    if impl in XOF_DEFAULT:
        raise LibError(f"Invalid digest: {name}", "ERR_CRYPTO_INVALID_DIGEST", "TypeError")
    return impl


def _new_hmac(state: LibState, name: Any, key: Any) -> _Hmac:
    return _Hmac(hmac.new(secret_bytes(state, key), digestmod=_fixed_digest(name)))


@register("crypto.hmacOnce")
def hmac_once(state: LibState, name: Any, key: Any, data: Any) -> bytes:
    h = _new_hmac(state, name, key)
    h.impl.update(as_bytes(data))
    return bytes(h.impl.digest())


@register("crypto.hmacNew")
def hmac_new(state: LibState, name: Any, key: Any, data: Any) -> int:
    h = _new_hmac(state, name, key)
    h.impl.update(as_bytes(data))
    return state.add(h)


@register("crypto.hmacUpdate")
def hmac_update(state: LibState, handle: Any, data: Any) -> None:
    state.get(handle, _Hmac).impl.update(as_bytes(data))


@register("crypto.hmacDigest")
def hmac_digest(state: LibState, handle: Any, data: Any) -> bytes:
    h = state.get(handle, _Hmac)
    h.impl.update(as_bytes(data))
    state.release(handle)
    return bytes(h.impl.digest())


@register("crypto.hmacCheck")
def hmac_check(state: LibState, name: Any) -> bool:
    _fixed_digest(name)
    return True


# ---------------------------------------------------------------- entropy


def random_bytes(size: int) -> bytes:
    """`size` bytes from the OS entropy source, or a deterministic sandbox error."""
    try:
        return os.urandom(size)
    except (NotImplementedError, OSError) as exc:
        raise LibError("crypto random source is not supported in sandbox", "ERR_NOT_SUPPORTED_IN_SANDBOX") from exc


@register("crypto.randomBytes")
def lib_random_bytes(state: LibState, size: Any) -> bytes:
    return random_bytes(as_int(size, "size", 0, MAX_RANDOM))


@register("crypto.timingSafeEqual")
def timing_safe_equal(state: LibState, a: Any, b: Any) -> bool:
    left, right = as_bytes(a, "buf1"), as_bytes(b, "buf2")
    if len(left) != len(right):
        raise LibError(
            "Input buffers must have the same byte length", "ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH", "RangeError"
        )
    return hmac.compare_digest(left, right)


# ---------------------------------------------------------------- key derivation


@register("crypto.pbkdf2")
def pbkdf2(state: LibState, password: Any, salt: Any, iterations: Any, keylen: Any, digest: Any) -> bytes:
    impl = _fixed_digest(digest)
    rounds = as_int(iterations, "iterations", 1, 2**31 - 1)
    length = as_int(keylen, "keylen", 0, MAX_KEYLEN)
    if length == 0:
        raise LibError("Deriving bits failed")
    return hashlib.pbkdf2_hmac(impl, secret_bytes(state, password), as_bytes(salt, "salt"), rounds, length)


def _scrypt_invalid() -> LibError:
    return LibError("Invalid scrypt params", "ERR_CRYPTO_INVALID_SCRYPT_PARAMS", "RangeError")


@register("crypto.scrypt")
def scrypt(state: LibState, password: Any, salt: Any, keylen: Any, n: Any, r: Any, p: Any, maxmem: Any) -> bytes:
    length = as_int(keylen, "keylen", 0, MAX_KEYLEN)
    for value in (n, r, p, maxmem):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise _scrypt_invalid()
    # OpenSSL's checks (crypto/evp/pbe_scrypt.c, providers' kdf_scrypt).
    if n < 2 or n & (n - 1) or r < 1 or p < 1 or p * r > 2**30 - 1:
        raise _scrypt_invalid()
    if 16 * r <= 63 and n >= 2 ** (16 * r):
        raise _scrypt_invalid()
    # OpenSSL's memory estimate: B (p * 128 * r) plus V and X (128 * r * (N + 2)).
    needed = 128 * r * p + 128 * r * (n + 2)
    if needed > maxmem:
        raise LibError(
            "Invalid scrypt params: error:030000AC:digital envelope routines::memory limit exceeded",
            "ERR_CRYPTO_INVALID_SCRYPT_PARAMS",
            "RangeError",
        )
    if needed > SCRYPT_CAP:
        raise LibError(
            f"scrypt would need {needed} bytes of memory, over the sandbox's limit of {SCRYPT_CAP}",
            "ERR_SANDBOX_RESOURCE_LIMIT",
            "RangeError",
        )
    if length == 0:
        return b""
    return hashlib.scrypt(
        secret_bytes(state, password), salt=as_bytes(salt, "salt"), n=n, r=r, p=p, maxmem=needed + 1024, dklen=length
    )


@register("crypto.hkdf")
def hkdf(state: LibState, digest: Any, ikm: Any, salt: Any, info: Any, keylen: Any) -> bytes:
    algorithm = hash_algorithm(digest)
    length = as_int(keylen, "keylen", 0, 2**31 - 1)
    if length > 255 * algorithm.digest_size:
        raise LibError("Invalid key length", "ERR_CRYPTO_INVALID_KEYLEN", "RangeError")
    if length == 0:
        raise LibError("Deriving bits failed")
    salt_bytes = as_bytes(salt, "salt")
    return HKDF(algorithm, length, salt_bytes or None, as_bytes(info, "info")).derive(secret_bytes(state, ikm))
