"""node:crypto ciphers (createCipheriv/createDecipheriv), backed by `cryptography`.

A cipher lives in the handle table between `update` calls, so that streaming
updates give the bytes a one-shot call gives. Block modes pad (PKCS#7) here,
not in `cryptography`, so that `setAutoPadding(false)` and OpenSSL's errors
('bad decrypt', 'wrong final block length') come out as Node's.
"""

from __future__ import annotations

import struct
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.poly1305 import Poly1305

from . import LibError, LibState, register
from ._crypto import as_bytes, secret_bytes

#: Node's cipher name (lower-cased) -> (family, key length, iv length, mode).
CIPHERS: dict[str, tuple[str, int, int, str]] = {}
for _bits in (128, 192, 256):
    for _mode, _iv in (("cbc", 16), ("ecb", 0), ("ctr", 16), ("gcm", 12), ("ofb", 16), ("cfb", 16), ("cfb8", 16)):
        CIPHERS[f"aes-{_bits}-{_mode}"] = ("aes", _bits // 8, _iv, _mode)
    CIPHERS[f"aes{_bits}"] = ("aes", _bits // 8, 16, "cbc")
    CIPHERS[f"id-aes{_bits}-gcm"] = ("aes", _bits // 8, 12, "gcm")
CIPHERS["chacha20"] = ("chacha20", 32, 16, "stream")
CIPHERS["chacha20-poly1305"] = ("chacha20-poly1305", 32, 12, "aead")

#: The names getCiphers() lists (Node's spelling).
CIPHER_NAMES = sorted(
    [*(n for n in CIPHERS if not n.startswith("id-")), "id-aes128-GCM", "id-aes192-GCM", "id-aes256-GCM"]
)

GCM_TAG_LENGTHS = (4, 8, 12, 13, 14, 15, 16)
BLOCK = 16


def _openssl_error(reason: str, number: str) -> LibError:
    code = "ERR_OSSL_" + reason.upper().replace(" ", "_")
    return LibError(f"error:{number}:Provider routines::{reason}", code, library="Provider routines", reason=reason)


def _auth_failed() -> LibError:
    return LibError("Unsupported state or unable to authenticate data")


class _Cipher:
    """One cipher or decipher in progress."""

    def __init__(self, name: str, key: bytes, iv: bytes, encrypt: bool, tag_length: int | None) -> None:
        family, key_len, iv_len, mode = CIPHERS[name]
        self.encrypt = encrypt
        self.mode = mode
        self.padding = mode in ("cbc", "ecb")
        self.fed = 0
        self.held = b""
        self.tag: bytes | None = None
        self.aad_allowed = True
        self.poly: Poly1305 | None = None
        self.aad_len = 0
        self.data_len = 0
        if len(key) != key_len:
            raise LibError("Invalid key length", "ERR_CRYPTO_INVALID_KEYLEN", "RangeError")
        if mode == "gcm":
            # cryptography needs at least 8 bytes of GCM nonce (OpenSSL takes 1).
            if not 8 <= len(iv) <= 128:
                raise LibError("Invalid initialization vector", "ERR_CRYPTO_INVALID_IV", "TypeError")
        elif len(iv) != iv_len:
            raise LibError("Invalid initialization vector", "ERR_CRYPTO_INVALID_IV", "TypeError")
        if mode in ("gcm", "aead"):
            if tag_length is not None and tag_length not in GCM_TAG_LENGTHS:
                raise LibError(
                    f"Invalid authentication tag length: {tag_length}", "ERR_CRYPTO_INVALID_AUTH_TAG", "TypeError"
                )
            if mode == "aead" and tag_length is not None and tag_length > 16:
                raise LibError(
                    f"Invalid authentication tag length: {tag_length}", "ERR_CRYPTO_INVALID_AUTH_TAG", "TypeError"
                )
        self.tag_length = tag_length
        if family == "aes":
            algorithm: Any = algorithms.AES(key)
            mode_obj: Any
            if mode == "cbc":
                mode_obj = modes.CBC(iv)
            elif mode == "ecb":
                mode_obj = modes.ECB()
            elif mode == "ctr":
                mode_obj = modes.CTR(iv)
            elif mode == "ofb":
                mode_obj = modes.OFB(iv)
            elif mode == "cfb":
                mode_obj = modes.CFB(iv)
            elif mode == "cfb8":
                mode_obj = modes.CFB8(iv)
            else:
                mode_obj = modes.GCM(iv, min_tag_length=4) if not encrypt else modes.GCM(iv)
            cipher = Cipher(algorithm, mode_obj)
        elif family == "chacha20":
            cipher = Cipher(algorithms.ChaCha20(key, iv), None)
        else:
            # RFC 8439: the one-time Poly1305 key is block 0, the data starts at block 1.
            block0 = Cipher(algorithms.ChaCha20(key, b"\0\0\0\0" + iv), None).encryptor().update(b"\0" * 32)
            self.poly = Poly1305(block0)
            cipher = Cipher(algorithms.ChaCha20(key, b"\1\0\0\0" + iv), None)
        self.ctx: Any = cipher.encryptor() if encrypt else cipher.decryptor()

    def set_aad(self, aad: bytes) -> None:
        if not self.aad_allowed or self.mode not in ("gcm", "aead"):
            raise LibError("Invalid state for operation setAAD", "ERR_CRYPTO_INVALID_STATE")
        if self.poly is not None:
            self.poly.update(aad)
            self.aad_len += len(aad)
        else:
            self.ctx.authenticate_additional_data(aad)

    def _close_aad(self) -> None:
        if self.aad_allowed and self.poly is not None and self.aad_len % 16:
            self.poly.update(b"\0" * (16 - self.aad_len % 16))
        self.aad_allowed = False

    def update(self, data: bytes) -> bytes:
        self._close_aad()
        if self.poly is not None:
            out = self.ctx.update(data)
            self.poly.update(out if self.encrypt else data)
            self.data_len += len(data)
            return bytes(out)
        self.fed += len(data)
        out = bytes(self.ctx.update(data))
        if self.padding and not self.encrypt:
            # Hold back the last whole block: it carries the padding.
            out = self.held + out
            if len(out) >= BLOCK:
                self.held = out[-BLOCK:]
                out = out[:-BLOCK]
            else:
                self.held = out
                out = b""
        return out

    def final(self) -> bytes:
        self._close_aad()
        if self.poly is not None:
            return self._final_poly()
        if self.mode == "gcm":
            return self._final_gcm()
        if self.mode not in ("cbc", "ecb"):
            return bytes(self.ctx.finalize())
        if self.encrypt:
            tail = b""
            if self.padding:
                pad = BLOCK - self.fed % BLOCK
                tail = bytes(self.ctx.update(bytes([pad]) * pad))
            elif self.fed % BLOCK:
                raise _openssl_error("wrong final block length", "1C80006B")
            return tail + bytes(self.ctx.finalize())
        if self.fed % BLOCK or (self.padding and self.fed == 0):
            raise _openssl_error("wrong final block length", "1C80006B")
        self.ctx.finalize()
        if not self.padding:
            return b""
        block = self.held
        pad = block[-1]
        if not 1 <= pad <= BLOCK or block[-pad:] != bytes([pad]) * pad:
            raise _openssl_error("bad decrypt", "1C800064")
        return block[:-pad]

    def _final_gcm(self) -> bytes:
        if self.encrypt:
            out = bytes(self.ctx.finalize())
            self.tag = bytes(self.ctx.tag)[: self.tag_length or 16]
            return out
        if self.tag is None:
            raise _auth_failed()
        try:
            return bytes(self.ctx.finalize_with_tag(self.tag))
        except InvalidTag:
            raise _auth_failed() from None

    def _final_poly(self) -> bytes:
        assert self.poly is not None
        if self.data_len % 16:
            self.poly.update(b"\0" * (16 - self.data_len % 16))
        self.poly.update(struct.pack("<QQ", self.aad_len, self.data_len))
        tag = self.poly.finalize()
        if self.encrypt:
            self.tag = tag[: self.tag_length or 16]
            return b""
        if self.tag is None or not _constant_eq(tag[: len(self.tag)], self.tag):
            raise _auth_failed()
        return b""


def _constant_eq(a: bytes, b: bytes) -> bool:
    import hmac

    return hmac.compare_digest(a, b)


@register("crypto.cipherNew")
def cipher_new(state: LibState, name: Any, key: Any, iv: Any, encrypt: Any, tag_length: Any) -> int:
    spec = name.lower() if isinstance(name, str) else None
    if spec is None or spec not in CIPHERS:
        raise LibError("Unknown cipher", "ERR_CRYPTO_UNKNOWN_CIPHER")
    if tag_length is not None and (isinstance(tag_length, bool) or not isinstance(tag_length, int)):
        raise LibError("Invalid authentication tag length", "ERR_CRYPTO_INVALID_AUTH_TAG", "TypeError")
    iv_bytes = b"" if iv is None else as_bytes(iv, "iv")
    return state.add(_Cipher(spec, secret_bytes(state, key), iv_bytes, bool(encrypt), tag_length))


@register("crypto.cipherUpdate")
def cipher_update(state: LibState, handle: Any, data: Any) -> bytes:
    cipher: _Cipher = state.get(handle, _Cipher)
    return cipher.update(as_bytes(data))


@register("crypto.cipherFinal")
def cipher_final(state: LibState, handle: Any) -> list[Any]:
    """The last bytes and (encrypting an AEAD) the tag; the cipher is released."""
    cipher = state.get(handle, _Cipher)
    state.release(handle)
    out = cipher.final()
    return [out, cipher.tag if cipher.encrypt else None]


@register("crypto.cipherSetAAD")
def cipher_set_aad(state: LibState, handle: Any, aad: Any) -> None:
    state.get(handle, _Cipher).set_aad(as_bytes(aad, "buffer"))


@register("crypto.cipherSetAuthTag")
def cipher_set_auth_tag(state: LibState, handle: Any, tag: Any) -> None:
    cipher = state.get(handle, _Cipher)
    value = as_bytes(tag, "buffer")
    valid = GCM_TAG_LENGTHS if cipher.mode == "gcm" else tuple(range(1, 17))
    if cipher.encrypt or cipher.mode not in ("gcm", "aead") or cipher.tag is not None:
        raise LibError("Invalid state for operation setAuthTag", "ERR_CRYPTO_INVALID_STATE")
    if len(value) not in valid or (cipher.tag_length is not None and len(value) != cipher.tag_length):
        raise LibError(f"Invalid authentication tag length: {len(value)}", "ERR_CRYPTO_INVALID_AUTH_TAG", "TypeError")
    cipher.tag = value


@register("crypto.cipherSetAutoPadding")
def cipher_set_auto_padding(state: LibState, handle: Any, on: Any) -> None:
    cipher = state.get(handle, _Cipher)
    if cipher.mode in ("cbc", "ecb"):
        cipher.padding = bool(on)


@register("crypto.cipherRelease")
def cipher_release(state: LibState, handle: Any) -> None:
    state.get(handle, _Cipher)
    state.release(handle)
