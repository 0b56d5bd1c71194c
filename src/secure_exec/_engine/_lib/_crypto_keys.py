"""node:crypto asymmetric keys, signatures and RSA encryption, backed by `cryptography`.

Keys live in the execution's handle table as `cryptography` key objects
(private or public) or `bytes` (secret keys), the same representation the
WebCrypto half uses, so a handle from one works with the other.
"""

from __future__ import annotations

import base64
from typing import Any

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519, padding, rsa, x448, x25519
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature

from . import LibError, LibState, register
from ._crypto import as_bytes, hash_algorithm

PrivateKey = (
    rsa.RSAPrivateKey,
    ec.EllipticCurvePrivateKey,
    ed25519.Ed25519PrivateKey,
    ed448.Ed448PrivateKey,
    x25519.X25519PrivateKey,
    x448.X448PrivateKey,
)
PublicKey = (
    rsa.RSAPublicKey,
    ec.EllipticCurvePublicKey,
    ed25519.Ed25519PublicKey,
    ed448.Ed448PublicKey,
    x25519.X25519PublicKey,
    x448.X448PublicKey,
)
AnyKey = (*PrivateKey, *PublicKey, bytes)

#: Node's curve names -> (cryptography curve, JWK name, coordinate size).
CURVES: dict[str, tuple[type[ec.EllipticCurve], str, int]] = {
    "prime256v1": (ec.SECP256R1, "P-256", 32),
    "secp384r1": (ec.SECP384R1, "P-384", 48),
    "secp521r1": (ec.SECP521R1, "P-521", 66),
    "secp256k1": (ec.SECP256K1, "secp256k1", 32),
}
CURVE_ALIASES = {"p-256": "prime256v1", "p-384": "secp384r1", "p-521": "secp521r1"}
CURVE_BY_OPENSSL = {
    "secp256r1": "prime256v1",
    "secp384r1": "secp384r1",
    "secp521r1": "secp521r1",
    "secp256k1": "secp256k1",
}
JWK_CURVES = {jwk: name for name, (_, jwk, _) in CURVES.items()}

#: Node's RSA padding constants.
RSA_PKCS1_PADDING = 1
RSA_NO_PADDING = 3
RSA_PKCS1_OAEP_PADDING = 4
RSA_PKCS1_PSS_PADDING = 6
RSA_PSS_SALTLEN_DIGEST = -1
RSA_PSS_SALTLEN_MAX_SIGN = -2

MAX_MODULUS = 16384


def _ossl(message: str, code: str) -> LibError:
    return LibError(message, code)


def _unsupported_decoder() -> LibError:
    return _ossl("error:1E08010C:DECODER routines::unsupported", "ERR_OSSL_UNSUPPORTED")


def _b64u(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64u(text: Any, field: str) -> bytes:
    if not isinstance(text, str):
        raise LibError(f'The "key.{field}" property must be of type string', "ERR_INVALID_ARG_TYPE", "TypeError")
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except ValueError:
        raise LibError("Invalid JWK data", "ERR_CRYPTO_INVALID_JWK", "TypeError") from None


def _int_bytes(value: int, size: int | None = None) -> bytes:
    length = size if size is not None else max(1, (value.bit_length() + 7) // 8)
    return value.to_bytes(length, "big")


def key_type(key: Any) -> str:
    if isinstance(key, (rsa.RSAPrivateKey, rsa.RSAPublicKey)):
        return "rsa"
    if isinstance(key, (ec.EllipticCurvePrivateKey, ec.EllipticCurvePublicKey)):
        return "ec"
    if isinstance(key, (ed25519.Ed25519PrivateKey, ed25519.Ed25519PublicKey)):
        return "ed25519"
    if isinstance(key, (ed448.Ed448PrivateKey, ed448.Ed448PublicKey)):
        return "ed448"
    if isinstance(key, (x25519.X25519PrivateKey, x25519.X25519PublicKey)):
        return "x25519"
    return "x448"


def describe(key: Any) -> dict[str, Any]:
    """What the guest's KeyObject shows: type, asymmetricKeyType, asymmetricKeyDetails."""
    if isinstance(key, bytes):
        return {"type": "secret", "size": len(key)}
    kind = "private" if isinstance(key, PrivateKey) else "public"
    asym = key_type(key)
    details: dict[str, Any] = {}
    if asym == "rsa":
        numbers = key.public_key().public_numbers() if kind == "private" else key.public_numbers()
        details = {"modulusLength": key.key_size, "publicExponent": str(numbers.e)}
    elif asym == "ec":
        details = {"namedCurve": CURVE_BY_OPENSSL.get(key.curve.name, key.curve.name)}
    return {"type": kind, "asymmetricKeyType": asym, "details": details}


def _store(state: LibState, key: Any) -> list[Any]:
    return [state.add(key), describe(key)]


def get_key(state: LibState, handle: Any) -> Any:
    return state.get(handle, AnyKey)


# ---------------------------------------------------------------- generation


@register("crypto.keyGenerate")
def key_generate(state: LibState, kind: Any, options: Any) -> list[Any]:
    """A new key pair: [public handle, public info, private handle, private info]."""
    opts = options if isinstance(options, dict) else {}
    private: Any
    if kind == "rsa":
        bits = opts.get("modulusLength")
        exponent = opts.get("publicExponent", 65537)
        if not isinstance(bits, int) or not 512 <= bits <= MAX_MODULUS:
            raise LibError(
                f"modulusLength {bits} is not supported (512 to {MAX_MODULUS} bits)", "ERR_OSSL_BN_BITS_TOO_SMALL"
            )
        if not isinstance(exponent, int) or exponent < 3 or exponent % 2 == 0:
            raise _ossl("error:1C800066:Provider routines::bad e value", "ERR_OSSL_BAD_E_VALUE")
        try:
            private = rsa.generate_private_key(exponent, bits)
        except ValueError as exc:
            raise LibError(str(exc), "ERR_OSSL_BAD_E_VALUE") from None
    elif kind == "ec":
        curve = _curve(opts.get("namedCurve"))
        private = ec.generate_private_key(curve())
    elif kind == "ed25519":
        private = ed25519.Ed25519PrivateKey.generate()
    elif kind == "ed448":
        private = ed448.Ed448PrivateKey.generate()
    elif kind == "x25519":
        private = x25519.X25519PrivateKey.generate()
    elif kind == "x448":
        private = x448.X448PrivateKey.generate()
    else:
        raise LibError(f"key type {kind!r} is not supported", "ERR_INVALID_ARG_VALUE", "TypeError")
    return [*_store(state, private.public_key()), *_store(state, private)]


def _curve(name: Any) -> type[ec.EllipticCurve]:
    key = name.lower() if isinstance(name, str) else ""
    key = CURVE_ALIASES.get(key, key)
    if key not in CURVES:
        raise LibError("Invalid EC curve name", "ERR_CRYPTO_INVALID_CURVE", "TypeError")
    return CURVES[key][0]


# ---------------------------------------------------------------- import


def _passphrase(value: Any) -> bytes | None:
    if value is None:
        return None
    return as_bytes(value, "passphrase")


@register("crypto.keyImport")
def key_import(state: LibState, kind: Any, data: Any, fmt: Any, passphrase: Any) -> list[Any]:
    """A KeyObject from PEM/DER/JWK/raw bytes: [handle, info]."""
    if kind == "secret":
        return _store(state, as_bytes(data, "key"))
    if fmt == "jwk":
        key = _from_jwk(data, kind)
    else:
        raw = as_bytes(data, "key")
        key = _load(raw, fmt, kind, _passphrase(passphrase))
    if kind == "public" and isinstance(key, PrivateKey):
        key = key.public_key()
    return _store(state, key)


def _load(raw: bytes, fmt: Any, kind: Any, password: bytes | None) -> Any:
    pem = fmt == "pem"
    if kind == "public":
        try:
            return serialization.load_pem_public_key(raw) if pem else serialization.load_der_public_key(raw)
        except (ValueError, UnsupportedAlgorithm):
            pass
    try:
        if pem:
            return serialization.load_pem_private_key(raw, password)
        return serialization.load_der_private_key(raw, password)
    except TypeError as exc:
        if "encrypted" in str(exc) and password is None:
            raise _ossl(
                "error:07880109:common libcrypto routines::interrupted or cancelled",
                "ERR_OSSL_CRYPTO_INTERRUPTED_OR_CANCELLED",
            ) from None
        raise _unsupported_decoder() from None
    except (ValueError, UnsupportedAlgorithm):
        if password is not None:
            raise _ossl("error:1C800064:Provider routines::bad decrypt", "ERR_OSSL_BAD_DECRYPT") from None
        raise _unsupported_decoder() from None


def _from_jwk(jwk: Any, kind: Any) -> Any:
    if not isinstance(jwk, dict):
        raise LibError('The "key.key" property must be of type object', "ERR_INVALID_ARG_TYPE", "TypeError")
    kty = jwk.get("kty")
    private = kind == "private"
    try:
        if kty == "RSA":
            n = int.from_bytes(_unb64u(jwk.get("n"), "n"), "big")
            e = int.from_bytes(_unb64u(jwk.get("e"), "e"), "big")
            public = rsa.RSAPublicNumbers(e, n)
            if not private:
                return public.public_key()
            vals = [int.from_bytes(_unb64u(jwk.get(f), f), "big") for f in ("d", "p", "q", "dp", "dq", "qi")]
            d, p, q, dp, dq, qi = vals
            return rsa.RSAPrivateNumbers(p, q, d, dp, dq, qi, public).private_key()
        if kty == "EC":
            crv = jwk.get("crv")
            if crv not in JWK_CURVES:
                raise LibError("Unsupported JWK EC curve: " + str(crv) + ".", "ERR_CRYPTO_INVALID_JWK", "TypeError")
            curve = CURVES[JWK_CURVES[crv]][0]
            x = int.from_bytes(_unb64u(jwk.get("x"), "x"), "big")
            y = int.from_bytes(_unb64u(jwk.get("y"), "y"), "big")
            pub = ec.EllipticCurvePublicNumbers(x, y, curve())
            if not private:
                return pub.public_key()
            d = int.from_bytes(_unb64u(jwk.get("d"), "d"), "big")
            return ec.EllipticCurvePrivateNumbers(d, pub).private_key()
        if kty == "OKP":
            crv = jwk.get("crv")
            classes: dict[Any, tuple[Any, Any]] = {
                "Ed25519": (ed25519.Ed25519PrivateKey, ed25519.Ed25519PublicKey),
                "Ed448": (ed448.Ed448PrivateKey, ed448.Ed448PublicKey),
                "X25519": (x25519.X25519PrivateKey, x25519.X25519PublicKey),
                "X448": (x448.X448PrivateKey, x448.X448PublicKey),
            }
            if crv not in classes:
                raise LibError("Unsupported JWK OKP curve: " + str(crv) + ".", "ERR_CRYPTO_INVALID_JWK", "TypeError")
            priv_cls, pub_cls = classes[crv]
            if private:
                return priv_cls.from_private_bytes(_unb64u(jwk.get("d"), "d"))
            return pub_cls.from_public_bytes(_unb64u(jwk.get("x"), "x"))
    except ValueError:
        raise LibError("Invalid JWK data", "ERR_CRYPTO_INVALID_JWK", "TypeError") from None
    raise LibError(
        "The property 'key.kty' must be one of: 'RSA', 'EC', 'OKP'. Received " + repr(kty),
        "ERR_INVALID_ARG_VALUE",
        "TypeError",
    )


# ---------------------------------------------------------------- export


@register("crypto.keyExport")
def key_export(state: LibState, handle: Any, fmt: Any, kind: Any, cipher: Any, passphrase: Any) -> Any:
    key = get_key(state, handle)
    if isinstance(key, bytes):
        return {"kty": "oct", "k": _b64u(key)} if fmt == "jwk" else key
    if fmt == "jwk":
        return _to_jwk(key)
    encoding = serialization.Encoding.PEM if fmt == "pem" else serialization.Encoding.DER
    if isinstance(key, PublicKey):
        if kind == "pkcs1":
            if not isinstance(key, rsa.RSAPublicKey):
                raise LibError("Unsupported crypto operation", "ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS")
            return key.public_bytes(encoding, serialization.PublicFormat.PKCS1)
        return key.public_bytes(encoding, serialization.PublicFormat.SubjectPublicKeyInfo)
    private_format = {
        "pkcs8": serialization.PrivateFormat.PKCS8,
        "pkcs1": serialization.PrivateFormat.TraditionalOpenSSL,
        "sec1": serialization.PrivateFormat.TraditionalOpenSSL,
    }.get(kind)
    if private_format is None:
        raise LibError(f"Invalid key encoding type: {kind}", "ERR_INVALID_ARG_VALUE", "TypeError")
    if kind == "pkcs1" and not isinstance(key, rsa.RSAPrivateKey):
        raise LibError("Unsupported crypto operation", "ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS")
    if kind == "sec1" and not isinstance(key, ec.EllipticCurvePrivateKey):
        raise LibError("Unsupported crypto operation", "ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS")
    encryption: serialization.KeySerializationEncryption = serialization.NoEncryption()
    if cipher is not None:
        encryption = serialization.BestAvailableEncryption(as_bytes(passphrase, "passphrase") or b"")
    return key.private_bytes(encoding, private_format, encryption)


def _to_jwk(key: Any) -> dict[str, str]:
    if isinstance(key, (rsa.RSAPrivateKey, rsa.RSAPublicKey)):
        pub = key.public_key().public_numbers() if isinstance(key, rsa.RSAPrivateKey) else key.public_numbers()
        jwk = {"kty": "RSA", "n": _b64u(_int_bytes(pub.n)), "e": _b64u(_int_bytes(pub.e))}
        if isinstance(key, rsa.RSAPrivateKey):
            priv = key.private_numbers()
            for name, value in (
                ("d", priv.d),
                ("p", priv.p),
                ("q", priv.q),
                ("dp", priv.dmp1),
                ("dq", priv.dmq1),
                ("qi", priv.iqmp),
            ):
                jwk[name] = _b64u(_int_bytes(value))
        return jwk
    if isinstance(key, (ec.EllipticCurvePrivateKey, ec.EllipticCurvePublicKey)):
        curve_name = CURVE_BY_OPENSSL.get(key.curve.name)
        if curve_name is None:
            raise LibError("Unsupported JWK EC curve: " + key.curve.name + ".", "ERR_CRYPTO_JWK_UNSUPPORTED_CURVE")
        _, crv, size = CURVES[curve_name]
        pubn = (
            key.public_key().public_numbers() if isinstance(key, ec.EllipticCurvePrivateKey) else key.public_numbers()
        )
        jwk = {"kty": "EC", "x": _b64u(_int_bytes(pubn.x, size)), "y": _b64u(_int_bytes(pubn.y, size)), "crv": crv}
        if isinstance(key, ec.EllipticCurvePrivateKey):
            jwk["d"] = _b64u(_int_bytes(key.private_numbers().private_value, size))
        return jwk
    crv = {"ed25519": "Ed25519", "ed448": "Ed448", "x25519": "X25519", "x448": "X448"}[key_type(key)]
    raw = serialization.Encoding.Raw
    if isinstance(key, PrivateKey):
        d = key.private_bytes(raw, serialization.PrivateFormat.Raw, serialization.NoEncryption())
        x = key.public_key().public_bytes(raw, serialization.PublicFormat.Raw)
        return {"crv": crv, "d": _b64u(d), "x": _b64u(x), "kty": "OKP"}
    return {"crv": crv, "x": _b64u(key.public_bytes(raw, serialization.PublicFormat.Raw)), "kty": "OKP"}


@register("crypto.keyEquals")
def key_equals(state: LibState, a: Any, b: Any) -> bool:
    left, right = get_key(state, a), get_key(state, b)
    if isinstance(left, bytes) or isinstance(right, bytes):
        import hmac

        return isinstance(left, bytes) and isinstance(right, bytes) and hmac.compare_digest(left, right)
    if isinstance(left, PrivateKey) != isinstance(right, PrivateKey):
        return False
    if isinstance(left, PrivateKey):
        fmt = serialization.PrivateFormat.PKCS8
        return bool(
            left.private_bytes(serialization.Encoding.DER, fmt, serialization.NoEncryption())
            == right.private_bytes(serialization.Encoding.DER, fmt, serialization.NoEncryption())
        )
    spki = serialization.PublicFormat.SubjectPublicKeyInfo
    return bool(
        left.public_bytes(serialization.Encoding.DER, spki) == right.public_bytes(serialization.Encoding.DER, spki)
    )


@register("crypto.keyRelease")
def key_release(state: LibState, handle: Any) -> None:
    get_key(state, handle)
    state.release(handle)


# ---------------------------------------------------------------- signatures


def _pss_salt(salt: Any, algorithm: hashes.HashAlgorithm, signing: bool) -> Any:
    if salt is None:
        return padding.PSS.MAX_LENGTH if signing else padding.PSS.AUTO
    if salt == RSA_PSS_SALTLEN_DIGEST:
        return padding.PSS.DIGEST_LENGTH
    if salt == RSA_PSS_SALTLEN_MAX_SIGN:
        return padding.PSS.MAX_LENGTH if signing else padding.PSS.AUTO
    if isinstance(salt, bool) or not isinstance(salt, int) or salt < 0:
        raise LibError("Invalid salt length", "ERR_OSSL_RSA_INVALID_SALT_LENGTH")
    return salt


def _rsa_padding(pad: Any, salt: Any, algorithm: hashes.HashAlgorithm, signing: bool) -> padding.AsymmetricPadding:
    if pad is None or pad == RSA_PKCS1_PADDING:
        return padding.PKCS1v15()
    if pad == RSA_PKCS1_PSS_PADDING:
        return padding.PSS(mgf=padding.MGF1(algorithm), salt_length=_pss_salt(salt, algorithm, signing))
    raise _ossl(
        "error:1C8000A5:Provider routines::illegal or unsupported padding mode",
        "ERR_OSSL_ILLEGAL_OR_UNSUPPORTED_PADDING_MODE",
    )


def _curve_size(key: Any) -> int:
    return int((key.curve.key_size + 7) // 8)


@register("crypto.sign")
def sign(
    state: LibState, algorithm: Any, handle: Any, data: Any, pad: Any, salt: Any, dsa: Any, oneshot: Any = True
) -> bytes:
    key = get_key(state, handle)
    message = as_bytes(data)
    if not isinstance(key, PrivateKey):
        raise LibError(
            "Invalid key object type public, expected private.", "ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE", "TypeError"
        )
    kind = key_type(key)
    if isinstance(key, (ed25519.Ed25519PrivateKey, ed448.Ed448PrivateKey)):
        if not oneshot:
            raise LibError("Unsupported crypto operation", "ERR_CRYPTO_UNSUPPORTED_OPERATION")
        if algorithm is not None:
            raise _ossl("error:1C80007A:Provider routines::invalid digest", "ERR_OSSL_INVALID_DIGEST")
        return bytes(key.sign(message))
    if kind in ("x25519", "x448"):
        raise LibError("Unsupported crypto operation", "ERR_CRYPTO_UNSUPPORTED_OPERATION")
    hash_alg = hash_algorithm(algorithm if algorithm is not None else "sha256")
    if isinstance(key, rsa.RSAPrivateKey):
        try:
            return bytes(key.sign(message, _rsa_padding(pad, salt, hash_alg, True), hash_alg))
        except ValueError:
            raise _ossl(
                "error:02000076:rsa routines::digest too big for rsa key", "ERR_OSSL_RSA_DIGEST_TOO_BIG_FOR_RSA_KEY"
            ) from None
    assert isinstance(key, ec.EllipticCurvePrivateKey)
    der = key.sign(message, ec.ECDSA(hash_alg))
    if dsa == "ieee-p1363":
        r, s = decode_dss_signature(der)
        size = _curve_size(key)
        return _int_bytes(r, size) + _int_bytes(s, size)
    return bytes(der)


@register("crypto.verify")
def verify(
    state: LibState,
    algorithm: Any,
    handle: Any,
    data: Any,
    signature: Any,
    pad: Any,
    salt: Any,
    dsa: Any,
    oneshot: Any = True,
) -> bool:
    key = get_key(state, handle)
    if isinstance(key, bytes):
        raise LibError(
            "Invalid key object type secret, expected public.", "ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE", "TypeError"
        )
    if isinstance(key, PrivateKey):
        key = key.public_key()
    message, sig = as_bytes(data), as_bytes(signature, "signature")
    kind = key_type(key)
    try:
        if kind in ("ed25519", "ed448"):
            if not oneshot:
                raise LibError("Unsupported crypto operation", "ERR_CRYPTO_UNSUPPORTED_OPERATION")
            if algorithm is not None:
                raise _ossl("error:1C80007A:Provider routines::invalid digest", "ERR_OSSL_INVALID_DIGEST")
            key.verify(sig, message)
            return True
        if kind in ("x25519", "x448"):
            raise LibError("Unsupported crypto operation", "ERR_CRYPTO_UNSUPPORTED_OPERATION")
        hash_alg = hash_algorithm(algorithm if algorithm is not None else "sha256")
        if isinstance(key, rsa.RSAPublicKey):
            key.verify(sig, message, _rsa_padding(pad, salt, hash_alg, False), hash_alg)
            return True
        assert isinstance(key, ec.EllipticCurvePublicKey)
        if dsa == "ieee-p1363":
            size = _curve_size(key)
            if len(sig) != 2 * size:
                return False
            sig = encode_dss_signature(int.from_bytes(sig[:size], "big"), int.from_bytes(sig[size:], "big"))
        key.verify(sig, message, ec.ECDSA(hash_alg))
        return True
    except InvalidSignature:
        return False


# ---------------------------------------------------------------- RSA encryption


def _enc_padding(pad: Any, oaep_hash: Any, label: Any) -> padding.AsymmetricPadding:
    if pad is None or pad == RSA_PKCS1_OAEP_PADDING:
        algorithm = hash_algorithm(oaep_hash if oaep_hash is not None else "sha1")
        return padding.OAEP(padding.MGF1(algorithm), algorithm, as_bytes(label, "oaepLabel") if label else None)
    if pad == RSA_PKCS1_PADDING:
        return padding.PKCS1v15()
    raise _ossl(
        "error:1C8000A5:Provider routines::illegal or unsupported padding mode",
        "ERR_OSSL_ILLEGAL_OR_UNSUPPORTED_PADDING_MODE",
    )


@register("crypto.publicEncrypt")
def public_encrypt(state: LibState, handle: Any, data: Any, pad: Any, oaep_hash: Any, label: Any) -> bytes:
    key = get_key(state, handle)
    if isinstance(key, rsa.RSAPrivateKey):
        key = key.public_key()
    if not isinstance(key, rsa.RSAPublicKey):
        raise LibError("Unsupported crypto operation", "ERR_CRYPTO_UNSUPPORTED_OPERATION")
    try:
        return bytes(key.encrypt(as_bytes(data, "buffer"), _enc_padding(pad, oaep_hash, label)))
    except ValueError:
        raise _ossl(
            "error:0200006E:rsa routines::data too large for key size", "ERR_OSSL_RSA_DATA_TOO_LARGE_FOR_KEY_SIZE"
        ) from None


@register("crypto.privateDecrypt")
def private_decrypt(state: LibState, handle: Any, data: Any, pad: Any, oaep_hash: Any, label: Any) -> bytes:
    key = get_key(state, handle)
    if not isinstance(key, rsa.RSAPrivateKey):
        raise LibError("Unsupported crypto operation", "ERR_CRYPTO_UNSUPPORTED_OPERATION")
    try:
        return bytes(key.decrypt(as_bytes(data, "buffer"), _enc_padding(pad, oaep_hash, label)))
    except ValueError:
        raise _ossl("error:02000079:rsa routines::oaep decoding error", "ERR_OSSL_RSA_OAEP_DECODING_ERROR") from None


# ---------------------------------------------------------------- key agreement


@register("crypto.diffieHellman")
def diffie_hellman(state: LibState, private_handle: Any, public_handle: Any) -> bytes:
    private, public = get_key(state, private_handle), get_key(state, public_handle)
    if isinstance(public, PrivateKey):
        public = public.public_key()
    try:
        if isinstance(private, ec.EllipticCurvePrivateKey) and isinstance(public, ec.EllipticCurvePublicKey):
            return bytes(private.exchange(ec.ECDH(), public))
        if isinstance(private, (x25519.X25519PrivateKey, x448.X448PrivateKey)):
            return bytes(private.exchange(public))
    except (TypeError, ValueError):
        pass
    raise LibError(
        "Incompatible key types for Diffie-Hellman: " + key_type(private) + " and " + key_type(public),
        "ERR_CRYPTO_INCOMPATIBLE_KEY",
    )


@register("crypto.keyDescribe")
def key_describe(state: LibState, handle: Any) -> dict[str, Any]:
    return describe(get_key(state, handle))


@register("crypto.keyPublicOf")
def key_public_of(state: LibState, handle: Any) -> list[Any]:
    """A new public key handle for a private (or public) key."""
    key = get_key(state, handle)
    if isinstance(key, bytes):
        raise LibError(
            "Invalid key object type secret, expected private.", "ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE", "TypeError"
        )
    return _store(state, key.public_key() if isinstance(key, PrivateKey) else key)


@register("crypto.keyCopy")
def key_copy(state: LibState, handle: Any) -> list[Any]:
    """A second handle to the same (immutable) key."""
    return _store(state, get_key(state, handle))
