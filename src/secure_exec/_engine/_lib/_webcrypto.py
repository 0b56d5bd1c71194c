"""Web Crypto (``globalThis.crypto``, ``crypto.subtle``): the Python half.

js/src/webcrypto.js does WebIDL conversion, algorithm normalisation and the
usage/extractable checks; these functions do the cryptography. Keys live in the
execution's handle table: ``bytes`` for secret keys, `cryptography` key objects
for asymmetric ones (the same representation node:crypto's KeyObject uses).

Every argument comes from guest code (the glue shares the isolate with it), so
each one is checked here again: a forged handle, a wrong key kind, an absurd
length all end as a Node-shaped error, never as a worker crash. An error meant
to surface as a ``DOMException`` carries its name in ``dom``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, keywrap, padding, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa, x25519
from cryptography.hazmat.primitives.asymmetric import padding as apad
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from . import LibError, LibState, register

#: getRandomValues' quota (WebCrypto: 65536 bytes per call).
MAX_RANDOM_BYTES = 65536
#: Largest secret key generateKey makes (HMAC length is an unsigned long in bits).
MAX_SECRET_BYTES = 1 << 16
#: RSA modulus bounds: OpenSSL's maximum; `cryptography` refuses below 1024.
RSA_MIN_BITS = 1024
RSA_MAX_BITS = 16384
#: Bound on PBKDF2 work (iterations x output blocks) one call may ask for; the
#: call blocks the guest's runtime thread, so an absurd count must not pin it.
MAX_PBKDF2_WORK = 1 << 25
#: Largest input any operation accepts (Node's kMaxBufferLength is 2**31-1; the
#: execution's memory limit is far below that anyway).
MAX_DATA = (1 << 31) - 1

OPERATION_FAILED = "The operation failed for an operation-specific reason"

HASHES: dict[str, tuple[str, type[hashes.HashAlgorithm]]] = {
    "SHA-1": ("sha1", hashes.SHA1),
    "SHA-256": ("sha256", hashes.SHA256),
    "SHA-384": ("sha384", hashes.SHA384),
    "SHA-512": ("sha512", hashes.SHA512),
}
DIGEST_SIZES = {
    "SHA-1": 20,
    "SHA-256": 32,
    "SHA-384": 48,
    "SHA-512": 64,
    "sha1": 20,
    "sha256": 32,
    "sha384": 48,
    "sha512": 64,
}
CURVES: dict[str, type[ec.EllipticCurve]] = {"P-256": ec.SECP256R1, "P-384": ec.SECP384R1, "P-521": ec.SECP521R1}
CURVE_BYTES = {"P-256": 32, "P-384": 48, "P-521": 66}
CURVE_BY_OSSL = {"secp256r1": "P-256", "secp384r1": "P-384", "secp521r1": "P-521"}

PrivateKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey | ed25519.Ed25519PrivateKey | x25519.X25519PrivateKey
PublicKey = rsa.RSAPublicKey | ec.EllipticCurvePublicKey | ed25519.Ed25519PublicKey | x25519.X25519PublicKey
PRIVATE_TYPES = (rsa.RSAPrivateKey, ec.EllipticCurvePrivateKey, ed25519.Ed25519PrivateKey, x25519.X25519PrivateKey)
PUBLIC_TYPES = (rsa.RSAPublicKey, ec.EllipticCurvePublicKey, ed25519.Ed25519PublicKey, x25519.X25519PublicKey)
KIND_TYPES: dict[str, tuple[type, type]] = {
    "rsa": (rsa.RSAPrivateKey, rsa.RSAPublicKey),
    "ec": (ec.EllipticCurvePrivateKey, ec.EllipticCurvePublicKey),
    "ed25519": (ed25519.Ed25519PrivateKey, ed25519.Ed25519PublicKey),
    "x25519": (x25519.X25519PrivateKey, x25519.X25519PublicKey),
}


def dom(message: str, name: str) -> LibError:
    """An error the guest sees as ``DOMException(message, name)``."""
    return LibError(message, None, "Error", dom=name)


def _bytes(value: Any, what: str = "data") -> bytes:
    if not isinstance(value, bytes):
        raise LibError(f"{what} must be bytes", "ERR_INVALID_ARG_TYPE", "TypeError")
    return value


def _int(value: Any, what: str, lo: int, hi: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not lo <= value <= hi:
        raise LibError(f"{what} must be an integer in [{lo}, {hi}]", "ERR_OUT_OF_RANGE", "RangeError")
    return value


def _hash(name: Any) -> tuple[str, type[hashes.HashAlgorithm]]:
    found = HASHES.get(name) if isinstance(name, str) else None
    if found is None:
        raise dom("Unrecognized algorithm name", "NotSupportedError")
    return found


def _kind(kind: Any) -> tuple[type, type]:
    found = KIND_TYPES.get(kind) if isinstance(kind, str) else None
    if found is None:
        raise LibError("unknown key kind", "ERR_INVALID_ARG_VALUE", "TypeError")
    return found


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(value: Any) -> bytes:
    if not isinstance(value, str):
        raise dom("Invalid keyData", "DataError")
    try:
        return base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
    except ValueError:
        raise dom("Invalid keyData", "DataError") from None


def _uint(data: bytes) -> int:
    return int.from_bytes(data, "big")


def _ubytes(value: int, size: int | None = None) -> bytes:
    n = size if size is not None else max(1, (value.bit_length() + 7) // 8)
    return value.to_bytes(n, "big")


# ---------------------------------------------------------------- randomness


def _os_random(n: int) -> bytes:
    return os.urandom(n)


def entropy(n: int) -> bytes:
    """``n`` bytes from the OS's secure source, or the sandbox's unsupported error."""
    try:
        return _os_random(n)
    except (NotImplementedError, OSError):
        raise LibError(
            "secure random number generation is not supported in sandbox", "ERR_NOT_SUPPORTED_IN_SANDBOX"
        ) from None


@register("webcrypto.random")
def random_bytes(state: LibState, n: Any) -> bytes:
    return entropy(_int(n, "length", 0, MAX_RANDOM_BYTES))


# ---------------------------------------------------------------- digest, secret keys


@register("webcrypto.digest")
def digest(state: LibState, name: Any, data: Any) -> bytes:
    return hashlib.new(_hash(name)[0], _bytes(data)).digest()


@register("webcrypto.secret")
def secret(state: LibState, data: Any) -> int:
    """Keep raw secret key bytes; returns the key's handle."""
    return state.add(bytes(_bytes(data)))


@register("webcrypto.generate_secret")
def generate_secret(state: LibState, nbytes: Any) -> int:
    if not isinstance(nbytes, int) or isinstance(nbytes, bool) or not 1 <= nbytes <= MAX_SECRET_BYTES:
        raise dom(OPERATION_FAILED, "OperationError")
    return state.add(entropy(nbytes))


def _secret(state: LibState, handle: Any) -> bytes:
    key: bytes = state.get(handle, bytes)
    return key


# ---------------------------------------------------------------- asymmetric keys


def _details(key: Any) -> dict[str, Any]:
    """What a CryptoKey's algorithm reports about its key material."""
    if isinstance(key, rsa.RSAPrivateKey | rsa.RSAPublicKey):
        pub = key.public_key() if isinstance(key, rsa.RSAPrivateKey) else key
        numbers = pub.public_numbers()
        return {"modulusLength": pub.key_size, "publicExponent": _ubytes(numbers.e)}
    if isinstance(key, ec.EllipticCurvePrivateKey | ec.EllipticCurvePublicKey):
        return {"namedCurve": CURVE_BY_OSSL.get(key.curve.name, key.curve.name)}
    return {}


def _pair(state: LibState, private: Any) -> list[Any]:
    pub = state.add(private.public_key())
    priv = state.add(private)
    return [pub, priv, _details(private)]


@register("webcrypto.generate_pair")
def generate_pair(state: LibState, kind: Any, params: Any) -> list[Any]:
    """A key pair: ``[publicHandle, privateHandle, details]``."""
    _kind(kind)
    if not isinstance(params, dict):
        params = {}
    if kind == "rsa":
        bits = params.get("modulusLength")
        exponent = _uint(_bytes(params.get("publicExponent"), "publicExponent"))
        if not isinstance(bits, int) or not RSA_MIN_BITS <= bits <= RSA_MAX_BITS or exponent not in (3, 65537):
            raise dom(OPERATION_FAILED, "OperationError")
        private: Any = rsa.generate_private_key(exponent, bits)
    elif kind == "ec":
        curve = CURVES.get(str(params.get("namedCurve")))
        if curve is None:
            raise dom("Unrecognized namedCurve", "NotSupportedError")
        private = ec.generate_private_key(curve())
    elif kind == "ed25519":
        private = ed25519.Ed25519PrivateKey.generate()
    else:
        private = x25519.X25519PrivateKey.generate()
    return _pair(state, private)


def _load_der(fmt: str, data: bytes) -> Any:
    try:
        if fmt == "spki":
            return serialization.load_der_public_key(data)
        return serialization.load_der_private_key(data, None)
    except Exception:
        raise dom("Invalid keyData", "DataError") from None


def _jwk_int(jwk: dict[str, Any], field: str) -> int:
    return _uint(_unb64(jwk.get(field)))


def _load_jwk(kind: str, jwk: dict[str, Any], curve: str | None) -> Any:
    try:
        if kind == "rsa":
            n, e = _jwk_int(jwk, "n"), _jwk_int(jwk, "e")
            pub = rsa.RSAPublicNumbers(e, n)
            if jwk.get("d") is None:
                return pub.public_key()
            d = _jwk_int(jwk, "d")
            if jwk.get("p") is None:
                p, q = rsa.rsa_recover_prime_factors(n, e, d)
            else:
                p, q = _jwk_int(jwk, "p"), _jwk_int(jwk, "q")
            dp = _jwk_int(jwk, "dp") if jwk.get("dp") is not None else rsa.rsa_crt_dmp1(d, p)
            dq = _jwk_int(jwk, "dq") if jwk.get("dq") is not None else rsa.rsa_crt_dmq1(d, q)
            qi = _jwk_int(jwk, "qi") if jwk.get("qi") is not None else rsa.rsa_crt_iqmp(p, q)
            return rsa.RSAPrivateNumbers(p, q, d, dp, dq, qi, pub).private_key()
        if kind == "ec":
            assert curve is not None
            size = CURVE_BYTES[curve]
            x, y = _unb64(jwk.get("x")), _unb64(jwk.get("y"))
            if len(x) != size or len(y) != size:
                raise dom("Invalid keyData", "DataError")
            ecpub = ec.EllipticCurvePublicNumbers(_uint(x), _uint(y), CURVES[curve]())
            if jwk.get("d") is None:
                return ecpub.public_key()
            scalar = _unb64(jwk.get("d"))
            if len(scalar) != size:
                raise dom("Invalid keyData", "DataError")
            return ec.EllipticCurvePrivateNumbers(_uint(scalar), ecpub).private_key()
        cls_priv, cls_pub = (
            (ed25519.Ed25519PrivateKey, ed25519.Ed25519PublicKey)
            if kind == "ed25519"
            else (x25519.X25519PrivateKey, x25519.X25519PublicKey)
        )
        x = _unb64(jwk.get("x"))
        if jwk.get("d") is None:
            return cls_pub.from_public_bytes(x)
        private = cls_priv.from_private_bytes(_unb64(jwk.get("d")))
        if private.public_key().public_bytes_raw() != x:
            raise dom("Invalid keyData", "DataError")
        return private
    except LibError:
        raise
    except Exception:
        raise dom("Invalid keyData", "DataError") from None


def _load_raw(kind: str, data: bytes, curve: str | None) -> Any:
    try:
        if kind == "ec":
            assert curve is not None
            return ec.EllipticCurvePublicKey.from_encoded_point(CURVES[curve](), data)
        if kind == "ed25519":
            return ed25519.Ed25519PublicKey.from_public_bytes(data)
        if kind == "x25519":
            return x25519.X25519PublicKey.from_public_bytes(data)
    except Exception:
        raise dom("Invalid keyData", "DataError") from None
    raise LibError("raw import is not available for this key kind", "ERR_INVALID_ARG_VALUE", "TypeError")


@register("webcrypto.import")
def import_key(state: LibState, kind: Any, fmt: Any, data: Any, curve: Any = None) -> list[Any]:
    """Import an asymmetric key: ``[handle, 'public'|'private', details]``."""
    private_cls, public_cls = _kind(kind)
    if curve is not None and curve not in CURVES:
        raise dom("Unrecognized namedCurve", "NotSupportedError")
    if kind == "ec" and curve is None:
        raise LibError("namedCurve is required", "ERR_INVALID_ARG_VALUE", "TypeError")
    if fmt in ("spki", "pkcs8"):
        key = _load_der(fmt, _bytes(data))
    elif fmt == "jwk":
        if not isinstance(data, dict):
            raise dom("Invalid keyData", "DataError")
        key = _load_jwk(kind, data, curve)
    elif fmt == "raw":
        key = _load_raw(kind, _bytes(data), curve)
    else:
        raise LibError("unknown key format", "ERR_INVALID_ARG_VALUE", "TypeError")
    if not isinstance(key, private_cls | public_cls):
        raise dom("Invalid key type", "DataError")
    details = _details(key)
    if kind == "ec" and details.get("namedCurve") != curve:
        raise dom("Named curve mismatch", "DataError")
    return [state.add(key), "private" if isinstance(key, private_cls) else "public", details]


def _asym(state: LibState, handle: Any) -> Any:
    return state.get(handle, PRIVATE_TYPES + PUBLIC_TYPES)


@register("webcrypto.export")
def export_key(state: LibState, handle: Any, fmt: Any) -> Any:
    """spki/pkcs8/raw as bytes; jwk as the key's JWK members (base64url strings)."""
    obj = state.get(handle)
    if isinstance(obj, bytes):
        if fmt == "raw":
            return obj
        if fmt == "jwk":
            return {"k": _b64(obj)}
        raise dom("Unable to export key", "NotSupportedError")
    key = _asym(state, handle)
    private = isinstance(key, PRIVATE_TYPES)
    if fmt == "spki" and not private:
        return key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    if fmt == "pkcs8" and private:
        return key.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    if fmt == "raw" and not private:
        if isinstance(key, ec.EllipticCurvePublicKey):
            return key.public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
        if isinstance(key, ed25519.Ed25519PublicKey | x25519.X25519PublicKey):
            return key.public_bytes_raw()
    if fmt == "jwk":
        return _export_jwk(key)
    raise dom("Unable to export key", "NotSupportedError")


def _export_jwk(key: Any) -> dict[str, str]:
    if isinstance(key, rsa.RSAPrivateKey):
        pn = key.private_numbers()
        pub = pn.public_numbers
        return {
            "n": _b64(_ubytes(pub.n)),
            "e": _b64(_ubytes(pub.e)),
            "d": _b64(_ubytes(pn.d)),
            "p": _b64(_ubytes(pn.p)),
            "q": _b64(_ubytes(pn.q)),
            "dp": _b64(_ubytes(pn.dmp1)),
            "dq": _b64(_ubytes(pn.dmq1)),
            "qi": _b64(_ubytes(pn.iqmp)),
        }
    if isinstance(key, rsa.RSAPublicKey):
        nums = key.public_numbers()
        return {"n": _b64(_ubytes(nums.n)), "e": _b64(_ubytes(nums.e))}
    if isinstance(key, ec.EllipticCurvePrivateKey | ec.EllipticCurvePublicKey):
        crv = CURVE_BY_OSSL[key.curve.name]
        size = CURVE_BYTES[crv]
        pubkey = key.public_key() if isinstance(key, ec.EllipticCurvePrivateKey) else key
        ecn = pubkey.public_numbers()
        out = {"x": _b64(_ubytes(ecn.x, size)), "y": _b64(_ubytes(ecn.y, size)), "crv": crv}
        if isinstance(key, ec.EllipticCurvePrivateKey):
            out["d"] = _b64(_ubytes(key.private_numbers().private_value, size))
        return out
    if isinstance(key, ed25519.Ed25519PrivateKey | x25519.X25519PrivateKey):
        return {"d": _b64(key.private_bytes_raw()), "x": _b64(key.public_key().public_bytes_raw())}
    assert isinstance(key, ed25519.Ed25519PublicKey | x25519.X25519PublicKey)
    return {"x": _b64(key.public_bytes_raw())}


# ---------------------------------------------------------------- sign / verify


def _p1363(der: bytes, size: int) -> bytes:
    r, s = decode_dss_signature(der)
    return _ubytes(r, size) + _ubytes(s, size)


@register("webcrypto.sign")
def sign(state: LibState, alg: Any, handle: Any, data: Any, params: Any) -> bytes:
    data = _bytes(data)
    params = params if isinstance(params, dict) else {}
    if alg == "HMAC":
        return hmac.new(_secret(state, handle), data, _hash(params.get("hash"))[0]).digest()
    if alg == "ECDSA":
        eckey: ec.EllipticCurvePrivateKey = state.get(handle, ec.EllipticCurvePrivateKey)
        der = eckey.sign(data, ec.ECDSA(_hash(params.get("hash"))[1]()))
        return _p1363(der, CURVE_BYTES[CURVE_BY_OSSL[eckey.curve.name]])
    if alg == "Ed25519":
        edkey: ed25519.Ed25519PrivateKey = state.get(handle, ed25519.Ed25519PrivateKey)
        return edkey.sign(data)
    rsakey: rsa.RSAPrivateKey = state.get(handle, rsa.RSAPrivateKey)
    digest_cls = _hash(params.get("hash"))[1]
    if alg == "RSASSA-PKCS1-v1_5":
        return rsakey.sign(data, apad.PKCS1v15(), digest_cls())
    if alg == "RSA-PSS":
        salt = _int(params.get("saltLength"), "saltLength", 0, 0xFFFFFFFF)
        if salt > (rsakey.key_size - 1 + 7) // 8 - DIGEST_SIZES[params.get("hash")] - 2:
            raise dom(OPERATION_FAILED, "OperationError")
        return rsakey.sign(data, apad.PSS(apad.MGF1(digest_cls()), salt), digest_cls())
    raise dom("Unrecognized algorithm name", "NotSupportedError")


@register("webcrypto.verify")
def verify(state: LibState, alg: Any, handle: Any, signature: Any, data: Any, params: Any) -> bool:
    data, signature = _bytes(data), _bytes(signature, "signature")
    params = params if isinstance(params, dict) else {}
    if alg == "HMAC":
        expected = hmac.new(_secret(state, handle), data, _hash(params.get("hash"))[0]).digest()
        return hmac.compare_digest(expected, signature)
    try:
        if alg == "ECDSA":
            eckey: ec.EllipticCurvePublicKey = state.get(handle, ec.EllipticCurvePublicKey)
            size = CURVE_BYTES[CURVE_BY_OSSL[eckey.curve.name]]
            if len(signature) != 2 * size:
                return False
            der = encode_dss_signature(_uint(signature[:size]), _uint(signature[size:]))
            eckey.verify(der, data, ec.ECDSA(_hash(params.get("hash"))[1]()))
            return True
        if alg == "Ed25519":
            edkey: ed25519.Ed25519PublicKey = state.get(handle, ed25519.Ed25519PublicKey)
            edkey.verify(signature, data)
            return True
        rsakey: rsa.RSAPublicKey = state.get(handle, rsa.RSAPublicKey)
        digest_cls = _hash(params.get("hash"))[1]
        if alg == "RSASSA-PKCS1-v1_5":
            rsakey.verify(signature, data, apad.PKCS1v15(), digest_cls())
            return True
        if alg == "RSA-PSS":
            salt = _int(params.get("saltLength"), "saltLength", 0, 0xFFFFFFFF)
            rsakey.verify(signature, data, apad.PSS(apad.MGF1(digest_cls()), salt), digest_cls())
            return True
    except InvalidSignature:
        return False
    raise dom("Unrecognized algorithm name", "NotSupportedError")


# ---------------------------------------------------------------- encrypt / decrypt


def _aes_key(state: LibState, handle: Any) -> bytes:
    key = _secret(state, handle)
    if len(key) not in (16, 24, 32):
        raise dom("Invalid key length", "DataError")
    return key


def _ctr(key: bytes, counter: bytes, length: int, data: bytes) -> bytes:
    """AES-CTR where only the low ``length`` bits of the counter block count."""
    if len(counter) != 16 or not 1 <= length <= 128:
        raise dom(OPERATION_FAILED, "OperationError")
    blocks = (len(data) + 15) // 16
    if length < 128 and blocks > 1 << length:
        raise dom(OPERATION_FAILED, "OperationError")
    value = _uint(counter)
    mask = (1 << length) - 1
    low = value & mask
    room = (1 << length) - low  # blocks before the low bits wrap to zero
    first = data[: room * 16] if blocks > room else data
    out = Cipher(algorithms.AES(key), modes.CTR(counter)).encryptor().update(first)
    if len(first) < len(data):
        wrapped = _ubytes(value & ~mask & ((1 << 128) - 1), 16)
        out += Cipher(algorithms.AES(key), modes.CTR(wrapped)).encryptor().update(data[len(first) :])
    return out


def _gcm(key: bytes, encrypt: bool, data: bytes, params: dict[str, Any]) -> bytes:
    iv = _bytes(params.get("iv"), "iv")
    aad = params.get("additionalData")
    tag_bits = params.get("tagLength", 128)
    if tag_bits not in (32, 64, 96, 104, 112, 120, 128):
        raise dom(f"{tag_bits} is not a valid AES-GCM tag length", "OperationError")
    tag_len = tag_bits // 8
    if not iv:
        raise dom(OPERATION_FAILED, "OperationError")
    try:
        if encrypt:
            enc = Cipher(algorithms.AES(key), modes.GCM(iv)).encryptor()
            if aad is not None:
                enc.authenticate_additional_data(_bytes(aad))
            out = enc.update(data) + enc.finalize()
            return out + enc.tag[:tag_len]
        if len(data) < tag_len:
            raise dom("The provided data is too small.", "OperationError")
        body, tag = data[: len(data) - tag_len], data[len(data) - tag_len :]
        dec = Cipher(algorithms.AES(key), modes.GCM(iv, tag, min_tag_length=4)).decryptor()
        if aad is not None:
            dec.authenticate_additional_data(_bytes(aad))
        return dec.update(body) + dec.finalize()
    except (InvalidTag, ValueError):
        raise dom(OPERATION_FAILED, "OperationError") from None


@register("webcrypto.cipher")
def cipher(state: LibState, alg: Any, encrypt: Any, handle: Any, data: Any, params: Any) -> bytes:
    """encrypt/decrypt (and wrapKey/unwrapKey's cipher step) for AES-* and RSA-OAEP."""
    data = _bytes(data)
    if len(data) > MAX_DATA:
        raise dom("data must be less than 2147483648 bits", "OperationError")
    params = params if isinstance(params, dict) else {}
    encrypt = bool(encrypt)
    if alg == "RSA-OAEP":
        digest_cls = _hash(params.get("hash"))[1]
        label = params.get("label")
        pad = apad.OAEP(apad.MGF1(digest_cls()), digest_cls(), _bytes(label, "label") if label else None)
        try:
            if encrypt:
                pub: rsa.RSAPublicKey = state.get(handle, rsa.RSAPublicKey)
                return pub.encrypt(data, pad)
            priv: rsa.RSAPrivateKey = state.get(handle, rsa.RSAPrivateKey)
            return priv.decrypt(data, pad)
        except ValueError:
            raise dom(OPERATION_FAILED, "OperationError") from None
    key = _aes_key(state, handle)
    if alg == "AES-GCM":
        return _gcm(key, encrypt, data, params)
    if alg == "AES-CTR":
        return _ctr(key, _bytes(params.get("counter"), "counter"), params.get("length", 0), data)
    if alg == "AES-CBC":
        iv = _bytes(params.get("iv"), "iv")
        if len(iv) != 16:
            raise dom("algorithm.iv must contain exactly 16 bytes", "OperationError")
        try:
            if encrypt:
                padder = padding.PKCS7(128).padder()
                padded = padder.update(data) + padder.finalize()
                enc = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
                return enc.update(padded) + enc.finalize()
            if not data or len(data) % 16:
                raise dom(OPERATION_FAILED, "OperationError")
            dec = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
            padded = dec.update(data) + dec.finalize()
            unpadder = padding.PKCS7(128).unpadder()
            return unpadder.update(padded) + unpadder.finalize()
        except ValueError:
            raise dom(OPERATION_FAILED, "OperationError") from None
    if alg == "AES-KW":
        try:
            if encrypt:
                if len(data) < 16 or len(data) % 8:
                    raise dom(OPERATION_FAILED, "OperationError")
                return keywrap.aes_key_wrap(key, data)
            return keywrap.aes_key_unwrap(key, data)
        except (keywrap.InvalidUnwrap, ValueError):
            raise dom(OPERATION_FAILED, "OperationError") from None
    raise dom("Unrecognized algorithm name", "NotSupportedError")


# ---------------------------------------------------------------- deriveBits


@register("webcrypto.derive")
def derive(state: LibState, alg: Any, handle: Any, params: Any, length: Any) -> bytes:
    """deriveBits: ``length`` in bits (None: the whole shared secret for ECDH/X25519)."""
    params = params if isinstance(params, dict) else {}
    if alg in ("ECDH", "X25519"):
        if alg == "ECDH":
            priv: Any = state.get(handle, ec.EllipticCurvePrivateKey)
            pub: Any = state.get(params.get("public"), ec.EllipticCurvePublicKey)
            if pub.curve.name != priv.curve.name:
                raise dom("Named curve mismatch", "InvalidAccessError")
            try:
                shared = priv.exchange(ec.ECDH(), pub)
            except ValueError:
                raise dom(OPERATION_FAILED, "OperationError") from None
        else:
            priv = state.get(handle, x25519.X25519PrivateKey)
            pub = state.get(params.get("public"), x25519.X25519PublicKey)
            try:
                shared = priv.exchange(pub)
            except ValueError:
                raise dom(OPERATION_FAILED, "OperationError") from None
        if length is None:
            return bytes(shared)
        bits = _int(length, "length", 0, 0xFFFFFFFF)
        if bits > len(shared) * 8:
            raise dom("derived bit length is too small", "OperationError")
        return _truncate(shared, bits)
    bits = _int(length, "length", 0, 0xFFFFFFFF)
    if bits % 8:
        raise dom("length must be a multiple of 8", "OperationError")
    key = _secret(state, handle)
    name, digest_cls = _hash(params.get("hash"))
    salt = _bytes(params.get("salt"), "salt")
    if alg == "PBKDF2":
        iterations = _int(params.get("iterations"), "iterations", 1, 0xFFFFFFFF)
        if bits == 0:
            return b""
        blocks = -(-bits // (DIGEST_SIZES[name] * 8))
        if iterations * blocks > MAX_PBKDF2_WORK:
            raise LibError(
                f"PBKDF2 work (iterations x blocks) exceeds the sandbox limit of {MAX_PBKDF2_WORK}",
                "ERR_SANDBOX_RESOURCE_LIMIT",
                "RangeError",
            )
        return hashlib.pbkdf2_hmac(name, key, salt, iterations, bits // 8)
    if alg == "HKDF":
        info = _bytes(params.get("info"), "info")
        if bits == 0:
            return b""
        if bits // 8 > 255 * DIGEST_SIZES[name]:
            raise dom(OPERATION_FAILED, "OperationError")
        return HKDF(digest_cls(), bits // 8, salt, info).derive(key)
    raise dom("Unrecognized algorithm name", "NotSupportedError")


def _truncate(data: bytes, bits: int) -> bytes:
    out = bytearray(data[: (bits + 7) // 8])
    if bits % 8:
        out[-1] &= (0xFF << (8 - bits % 8)) & 0xFF
    return bytes(out)


@register("webcrypto.curve")
def key_curve(state: LibState, handle: Any) -> str | None:
    """The WebCrypto curve name of an EC key (None for other keys)."""
    key = _asym(state, handle)
    found: str | None = _details(key).get("namedCurve")
    return found
