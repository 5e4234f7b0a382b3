"""E-mail addresses: checked with email-validator (the checker behind pydantic's EmailStr)
when group.yaml and the meetings are loaded, so that `validate` finds what `circulate` and
`remind` could not send; and written for SMTP: an internationalised domain in IDNA
(punycode), never as an encoded word. psc does not speak SMTPUTF8, so an address with
characters outside ASCII before the @ is refused."""

from __future__ import annotations

from functools import lru_cache

NOT_ASCII = (
    "psc cannot send to an address with characters outside ASCII before the @ (SMTPUTF8); "
    "give an ASCII address"
)


class AddressError(ValueError):
    """Not an e-mail address psc can send to; the message says why."""

    not_ascii = False
    """The address has characters outside ASCII before the @: the message is NOT_ASCII, in
    English (the commands test for it); `checked_address` says it in the current language."""


@lru_cache(maxsize=4096)
def _validated(value: str) -> str:
    """The address in ASCII (domain in IDNA), or AddressError."""
    from email_validator import EmailNotValidError, validate_email

    from psc.messages import _, current

    local = value.rpartition("@")[0]
    if not local.isascii():
        error = AddressError(f"{value!r}: {NOT_ASCII}")
        error.not_ascii = True
        raise error
    try:
        found = validate_email(value, check_deliverability=False, allow_smtputf8=False)
    except EmailNotValidError as exc:
        if current() != "en":  # email-validator's reason is English: left out
            raise AddressError(
                _("expected an e-mail address") + _(", not {value!r}", value=value)
            ) from None
        raise AddressError(f"expected an e-mail address, not {value!r} ({exc})") from None
    return str(found.ascii_email)


def not_ascii() -> str:
    """NOT_ASCII in the current language."""
    from psc.messages import _

    return _(
        "psc cannot send to an address with characters outside ASCII before the @ (SMTPUTF8); "
        "give an ASCII address"
    )


def checked_address(value: str, what: str | None = None) -> str:
    """`check_address`, every message in the current language (for the files' models)."""
    try:
        return check_address(value, what)
    except AddressError as exc:
        if exc.not_ascii:
            raise AddressError(f"{value!r}: {not_ascii()}") from None
        raise


def check_address(value: str, what: str | None = None) -> str:
    """`value` unchanged when psc can send to it, else AddressError ('{what}, not …';
    `what` by default: expected an e-mail address)."""
    from psc.messages import _

    try:
        _validated(value)
    except AddressError as exc:
        if str(exc).startswith(f"{value!r}: "):
            raise
        what = what if what is not None else _("expected an e-mail address")
        raise AddressError(what + _(", not {value!r}", value=value)) from None
    return value


def ascii_address(value: str) -> str:
    """The address as SMTP and the headers carry it: the domain in IDNA ('petr@obec-příklad.cz'
    -> 'petr@xn--obec-pklad-p8a90k.cz'); an address already in ASCII as it is."""
    if value.isascii():
        return value
    return _validated(value)
