"""The IMAP and SMTP servers of common mail providers, found from an address's domain (or,
for a company domain a provider hosts, from the provider's name)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Provider:
    """Where one provider's mailboxes are reached, over implicit TLS unless said."""

    name: str
    imap: tuple[str, int]
    smtp: tuple[str, int]
    smtp_security: str = "tls"
    note: str = ""


_GMAIL = Provider("Gmail", ("imap.gmail.com", 993), ("smtp.gmail.com", 465),
                  note="Gmail needs an app password (Google account > Security > App passwords)")
_OUTLOOK = Provider("Outlook", ("outlook.office365.com", 993), ("smtp.office365.com", 587),
                    smtp_security="starttls")
_QQ = Provider("QQ Mail", ("imap.qq.com", 993), ("smtp.qq.com", 465),
               note="QQ Mail needs IMAP switched on and an authorisation code as the password")
PROVIDERS: dict[str, Provider] = {  # by the name `mail add --provider` takes
    "exmail": Provider("Tencent Exmail", ("imap.exmail.qq.com", 993), ("smtp.exmail.qq.com", 465)),
    "qq": _QQ,
    "netease-qiye": Provider("NetEase Qiye", ("imap.qiye.163.com", 993), ("smtp.qiye.163.com", 465)),
    "163": Provider("NetEase 163", ("imap.163.com", 993), ("smtp.163.com", 465),
                    note="NetEase needs IMAP switched on and an authorisation code as the password"),
    "126": Provider("NetEase 126", ("imap.126.com", 993), ("smtp.126.com", 465),
                    note="NetEase needs IMAP switched on and an authorisation code as the password"),
    "yeah": Provider("NetEase Yeah", ("imap.yeah.net", 993), ("smtp.yeah.net", 465)),
    "aliyun": Provider("Aliyun Mail", ("imap.aliyun.com", 993), ("smtp.aliyun.com", 465)),
    "aliyun-qiye": Provider("Aliyun Qiye", ("imap.qiye.aliyun.com", 993),
                            ("smtp.qiye.aliyun.com", 465)),
    "gmail": _GMAIL,
    "outlook": _OUTLOOK,
}
_DOMAINS: dict[str, str] = {
    "qq.com": "qq", "foxmail.com": "qq", "vip.qq.com": "qq",
    "163.com": "163", "vip.163.com": "163", "126.com": "126", "yeah.net": "yeah",
    "aliyun.com": "aliyun",
    "gmail.com": "gmail", "googlemail.com": "gmail",
    "outlook.com": "outlook", "hotmail.com": "outlook", "live.com": "outlook", "msn.com": "outlook",
}


def provider_for(address: str, named: str | None = None) -> Provider | None:
    """The provider named (a company domain hosted by Tencent Exmail, say), else the one
    the address's domain belongs to, else None."""
    if named:
        return PROVIDERS.get(named.strip().lower())
    domain = address.rpartition("@")[2].strip().lower()
    key = _DOMAINS.get(domain)
    return PROVIDERS[key] if key else None
