"""The data model: contacts and their identities, inquiries and messages, articles,
follow-ups, the activity trail, tags, import batches, duplicates and merges, mail accounts
and how far each of their folders is synced."""

from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
    event,
    text,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from leaddesk.db.base import Base, UTCDateTime
from leaddesk.domain.timeutil import utc_now

PHONE_TAIL = 7  # "its last 7+ digits find the contact" (the search issue)

contact_tags = Table(
    "contact_tags",
    Base.metadata,
    Column("contact_id", ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
)


def _batch_fk() -> Mapped[int | None]:
    """Every imported row names its batch, so an import can be reverted whole."""
    return mapped_column(ForeignKey("import_batches.id", ondelete="SET NULL"), index=True)


class ImportBatch(Base):
    """One file imported at one time, by one person."""

    __tablename__ = "import_batches"
    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(Text)
    channel: Mapped[str] = mapped_column(String(16))
    sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    actor: Mapped[str] = mapped_column(String(120), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    reverted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    summary: Mapped[str] = mapped_column(Text, default="{}")


def _keyed(text: str | None) -> str | None:
    # loaded when a contact is written, not with the models: a search from the shell
    # must not load phone metadata (tests/cli/test_start.py)
    from leaddesk.domain.names import name_key

    return name_key(text)


def _name_key(context: Any) -> str | None:
    return _keyed(context.get_current_parameters().get("name"))


def _company_key(context: Any) -> str | None:
    return _keyed(context.get_current_parameters().get("company"))


def _partial(index: Index, condition: str) -> Index:
    """`index` made over the rows meeting `condition` only, on whichever database creates
    it (written for both dialects here, SQLAlchemy would load PostgreSQL's in every
    command on a SQLite desk)."""

    @event.listens_for(index, "before_create")
    def _where(made: Index, connection: Connection, **_kw: Any) -> None:
        made.dialect_kwargs[f"{connection.dialect.name}_where"] = text(condition)

    return index


# The erased and the deleted are few: their indexes hold only them. An index of every
# contact's NULL looked selective to SQLite's planner, which then drove `channel:whatsapp`
# or `article:A12` from all contacts and their inquiries (40 ms on 100k messages, not 5).
ERASED_CONTACTS = _partial(Index("ix_contacts_erased_at", "erased_at"), "erased_at IS NOT NULL")
DELETED_CONTACTS = _partial(Index("ix_contacts_deleted_at", "deleted_at"), "deleted_at IS NOT NULL")


class Contact(Base):
    """A buyer: one person, however many channels they write from."""

    __tablename__ = "contacts"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    company: Mapped[str] = mapped_column(String(200), default="")
    country: Mapped[str | None] = mapped_column(String(2))
    language: Mapped[str | None] = mapped_column(String(16))
    owner: Mapped[str] = mapped_column(String(120), default="", index=True)
    stage: Mapped[str] = mapped_column(String(16), default="new", index=True)
    lost_reason: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str] = mapped_column(Text, default="")
    likely_spam: Mapped[bool] = mapped_column(Boolean, default=False)
    # the whole card it was imported from, kept beside the desk when a field was cut
    original_file: Mapped[str | None] = mapped_column(String(80))
    merged_into_id: Mapped[int | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL"), index=True
    )
    erased_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # deleted by a person: out of every list, search and report until restored
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now, onupdate=utc_now)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    import_batch_id: Mapped[int | None] = _batch_fk()
    # name and company as compared for likely duplicates (domain.names), kept in step
    name_key: Mapped[str | None] = mapped_column(String(200), default=_name_key)
    company_key: Mapped[str | None] = mapped_column(String(200), default=_company_key)

    identities: Mapped[list["Identity"]] = relationship(back_populates="contact")
    inquiries: Mapped[list["Inquiry"]] = relationship(back_populates="contact")
    tags: Mapped[list["Tag"]] = relationship(secondary=contact_tags)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    # A new contact looks for one of the same name and company, or name and country.
    __table_args__ = (Index("ix_contacts_name_key_company_key", "name_key", "company_key"),
                      Index("ix_contacts_name_key_country", "name_key", "country"),
                      # `country:DE stage:won`: the few who are both, not every German
                      # contact read to check the stage (and country: alone, its prefix)
                      Index("ix_contacts_country_stage", "country", "stage"),
                      ERASED_CONTACTS, DELETED_CONTACTS)

    @validates("name", "company")
    def _keep_keys(self, field: str, value: str) -> str:
        """An edit, a merge or a fill of the name or company keeps its key in step."""
        setattr(self, f"{field}_key", _keyed(value))
        return value


def _last_digits(context: Any) -> str | None:
    row = context.get_current_parameters()
    return str(row["value"])[-PHONE_TAIL:] if row.get("kind") == "phone" else None


def _shown(context: Any) -> str | None:

    from leaddesk.domain.identities import readable_phone  # when a phone is written

    row = context.get_current_parameters()
    return readable_phone(str(row["value"])) if row.get("kind") == "phone" else None


# Usable identities are unique; invalid ones may repeat. The condition goes to the database
# that creates the index, when it creates it: written for both dialects here, SQLAlchemy
# would load PostgreSQL's dialect (a tenth of a second) in every command on a SQLite desk.
USABLE_IDENTITY = Index("uq_identities_kind_value_usable", "kind", "value", unique=True)


@event.listens_for(USABLE_IDENTITY, "before_create")
def _only_usable(index: Index, connection: Connection, **_kw: Any) -> None:
    index.dialect_kwargs[f"{connection.dialect.name}_where"] = text("validity != 'invalid'")


class Identity(Base):
    """One way to reach a contact. Two contacts never share a usable identity;
    invalid ones are kept with their raw text but recognise no one."""

    __tablename__ = "identities"
    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(8))
    value: Mapped[str] = mapped_column(String(320))
    raw: Mapped[str] = mapped_column(String(320))
    validity: Mapped[str] = mapped_column(String(8))
    region: Mapped[str | None] = mapped_column(String(2))
    # a phone's last seven digits: "find the buyer by the end of their number" is an index
    # lookup, not a scan of every identity
    last_digits: Mapped[str | None] = mapped_column(String(7), default=_last_digits, index=True)
    # a phone as people write it (+49 1512 3456789), formatted once: a report lists
    # thousands of them
    shown: Mapped[str | None] = mapped_column(String(64), default=_shown)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    import_batch_id: Mapped[int | None] = _batch_fk()

    contact: Mapped[Contact] = relationship(back_populates="identities")

    __table_args__ = (
        USABLE_IDENTITY,
        Index("ix_identities_value", "value"),
    )


class IdentityUse(Base):
    """An import (or a hand-logged inquiry, with no batch) that recognised a contact by
    one of its identities: reverting the batch that created the identity must keep it."""

    __tablename__ = "identity_uses"
    id: Mapped[int] = mapped_column(primary_key=True)
    identity_id: Mapped[int] = mapped_column(ForeignKey("identities.id", ondelete="CASCADE"),
                                             index=True)
    import_batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batches.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)

    __table_args__ = (UniqueConstraint("identity_id", "import_batch_id"),)


class Article(Base):
    """A page of the company website: a news or product article, or another page."""

    __tablename__ = "articles"
    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(String(1000), unique=True)
    code: Mapped[str | None] = mapped_column(String(16), unique=True)
    title: Mapped[str] = mapped_column(String(500), default="")
    kind: Mapped[str] = mapped_column(String(16), default="article")
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    author: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    import_batch_id: Mapped[int | None] = _batch_fk()


class Inquiry(Base):
    """One conversation with a contact on one channel, linked to at most one article."""

    __tablename__ = "inquiries"
    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"), index=True)
    channel: Mapped[str] = mapped_column(String(16))
    subject: Mapped[str] = mapped_column(String(500), default="")
    thread_key: Mapped[str | None] = mapped_column(String(500), index=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_message_at: Mapped[datetime] = mapped_column(UTCDateTime)
    article_id: Mapped[int | None] = mapped_column(
        ForeignKey("articles.id", ondelete="SET NULL"), index=True
    )
    article_link: Mapped[str | None] = mapped_column(String(16))
    article_confidence: Mapped[float | None] = mapped_column(Float)
    utm_source: Mapped[str | None] = mapped_column(String(200))
    utm_medium: Mapped[str | None] = mapped_column(String(200))
    utm_campaign: Mapped[str | None] = mapped_column(String(200))
    source_url: Mapped[str | None] = mapped_column(String(2000))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    import_batch_id: Mapped[int | None] = _batch_fk()

    contact: Mapped[Contact] = relationship(back_populates="inquiries")
    article: Mapped[Article | None] = relationship()
    messages: Mapped[list["Message"]] = relationship(
        back_populates="inquiry", order_by="Message.sent_at"
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    __table_args__ = (
        # `channel:whatsapp` newest first: the first hundred are the index's first hundred
        Index("ix_inquiries_channel_last_message_at", "channel", "last_message_at"),
        # the inbox's order, and whose inquiry it is (erased contacts are left out) from the
        # index alone
        Index("ix_inquiries_last_message_at_contact_id", "last_message_at", "contact_id"),
    )


class Message(Base):
    """One dated message inside an inquiry, with the original text it came from."""

    __tablename__ = "messages"
    id: Mapped[int] = mapped_column(primary_key=True)
    inquiry_id: Mapped[int] = mapped_column(ForeignKey("inquiries.id", ondelete="CASCADE"))
    direction: Mapped[str] = mapped_column(String(3))
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    author: Mapped[str] = mapped_column(String(200), default="")
    subject: Mapped[str] = mapped_column(String(500), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    original: Mapped[str] = mapped_column(Text, default="")
    attachment: Mapped[str | None] = mapped_column(String(500))
    # the whole original, kept beside the desk when it was too long to store whole
    original_file: Mapped[str | None] = mapped_column(String(80))
    fingerprint: Mapped[str | None] = mapped_column(String(64), unique=True)
    message_id: Mapped[str | None] = mapped_column(String(500), index=True)
    in_reply_to: Mapped[str | None] = mapped_column(String(500), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    import_batch_id: Mapped[int | None] = _batch_fk()

    inquiry: Mapped[Inquiry] = relationship(back_populates="messages")

    # sent_at orders a timeline; direction lets the reports find each inquiry's first question
    # and first answer from the index alone
    __table_args__ = (Index("ix_messages_inquiry_id_sent_at_direction", "inquiry_id", "sent_at",
                            "direction"),)


class Attachment(Base):
    """A file that came with a message: kept once by its SHA-256 beside the desk (the same
    bytes sent twice are one file), or, over a size cap, only named (`sha256` empty)."""

    __tablename__ = "attachments"
    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("messages.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(255))  # safe to show and to save under
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    media_type: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    import_batch_id: Mapped[int | None] = _batch_fk()


class FollowUp(Base):
    """A task on a contact (and maybe one inquiry): due time, kind, note, outcome."""

    __tablename__ = "followups"
    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"), index=True)
    inquiry_id: Mapped[int | None] = mapped_column(
        ForeignKey("inquiries.id", ondelete="SET NULL"), index=True
    )
    due_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    kind: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    owner: Mapped[str] = mapped_column(String(120), default="")
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    outcome: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    import_batch_id: Mapped[int | None] = _batch_fk()

    # what is open and due, counted after every change, without reading the done ones
    __table_args__ = (Index("ix_followups_done_at_due_at", "done_at", "due_at"),)


class Activity(Base):
    """The audit trail: what changed, when and by whom."""

    __tablename__ = "activities"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now, index=True)
    actor: Mapped[str] = mapped_column(String(120), default="")
    action: Mapped[str] = mapped_column(String(40))
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    inquiry_id: Mapped[int | None] = mapped_column(ForeignKey("inquiries.id", ondelete="SET NULL"))
    detail: Mapped[str] = mapped_column(Text, default="")
    # set when an import recorded it: everything else on a contact is someone relying on it
    import_batch_id: Mapped[int | None] = _batch_fk()


class Tag(Base):
    """A free label on contacts."""

    __tablename__ = "tags"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)


class DuplicateCandidate(Base):
    """Two contacts that one draft's identities pointed at: a person decides."""

    __tablename__ = "duplicate_candidates"
    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    other_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (UniqueConstraint("contact_id", "other_id"),)


class MergeRecord(Base):
    """The journal of one merge: enough to undo it exactly."""

    __tablename__ = "merges"
    id: Mapped[int] = mapped_column(primary_key=True)
    survivor_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    merged_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    actor: Mapped[str] = mapped_column(String(120), default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    journal: Mapped[str] = mapped_column(Text)
    undone_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class MailAccount(Base):
    """A mailbox the desk syncs by IMAP (and answers from by SMTP). Its password is in the
    operating system's keyring, never here."""

    __tablename__ = "mail_accounts"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    email: Mapped[str] = mapped_column(String(320))
    username: Mapped[str] = mapped_column(String(320))
    imap_host: Mapped[str] = mapped_column(String(255))
    imap_port: Mapped[int] = mapped_column(Integer)
    smtp_host: Mapped[str | None] = mapped_column(String(255))
    smtp_port: Mapped[int | None] = mapped_column(Integer)
    security: Mapped[str] = mapped_column(String(16), default="tls")  # tls, starttls, none
    smtp_security: Mapped[str] = mapped_column(String(16), default="tls")
    ca_file: Mapped[str | None] = mapped_column(Text)  # a certificate to trust besides the system's
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


class MailFolder(Base):
    """How far one folder of an account is synced: a mail above `last_uid` under the same
    UIDVALIDITY is new; another UIDVALIDITY means the folder is read again."""

    __tablename__ = "mail_folders"
    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("mail_accounts.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(16))  # inbox, sent
    name: Mapped[str] = mapped_column(Text)  # as the server names it, found by its role
    uidvalidity: Mapped[int] = mapped_column(BigInteger)  # 32 bits unsigned: past int4
    last_uid: Mapped[int] = mapped_column(BigInteger, default=0)
    synced_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (UniqueConstraint("account_id", "role"),)


class MailPending(Base):
    """A synced mail that waits in triage ("New senders") instead of being stored: an
    unknown sender's, a sender the receiving server did not verify, or a form mail from
    an address that is not the form's. Its bytes are kept whole, so accepting it stores
    exactly what the sync would have."""

    __tablename__ = "mail_pending"
    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("mail_accounts.id", ondelete="CASCADE"),
                                            index=True)
    folder: Mapped[str] = mapped_column(Text)
    uid: Mapped[int] = mapped_column(BigInteger)
    message_id: Mapped[str | None] = mapped_column(String(998))
    sha256: Mapped[str] = mapped_column(String(64), unique=True)  # a mail waits once
    sender: Mapped[str] = mapped_column(String(320), index=True)
    subject: Mapped[str] = mapped_column(Text, default="")
    received: Mapped[datetime] = mapped_column(UTCDateTime)
    reason: Mapped[str] = mapped_column(String(40))
    data: Mapped[bytes] = mapped_column(LargeBinary)


class MailRule(Base):
    """A triage rule the user chose: mail from this sender (an address) or this domain is
    dropped by every later sync."""

    __tablename__ = "mail_rules"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))  # sender, domain
    value: Mapped[str] = mapped_column(String(320))
    actor: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)

    __table_args__ = (UniqueConstraint("kind", "value"),)
