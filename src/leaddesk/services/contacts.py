"""Contacts: recognising a buyer from any identity, listing, editing and staging them.
Every change to what the contact index holds (name, company, notes, identities) brings
the index in step in the same transaction."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import or_, select, tuple_
from sqlalchemy.orm import Session, selectinload

from leaddesk.db import search_index
from leaddesk.db.models import Contact, DuplicateCandidate, Identity, IdentityUse
from leaddesk.domain import identities as ids
from leaddesk.domain.countries import language_of, region_for
from leaddesk.domain.drafts import ContactDraft
from leaddesk.domain.paired import NAME_AND_COMPANY, NAME_AND_COUNTRY, Why
from leaddesk.domain.resolution import STRENGTH, matchable, resolve
from leaddesk.domain.vocabulary import IdentityKind, Stage, Validity
from leaddesk.errors import ConflictError, InvalidInputError, NotFoundError
from leaddesk.services.activity import record

EDITABLE = ("name", "company", "country", "language", "owner", "notes", "likely_spam")
INDEXED = ("name", "company", "notes")  # with the identities: what finds a contact
SAME_NAME_PAIRS = 10  # a common name pairs a new contact with its newest namesakes only


@dataclass(frozen=True)
class ContactSummary:
    """A contact as lists and the command line show it."""

    id: int
    name: str
    company: str
    country: str | None
    stage: str
    owner: str
    version: int
    phones: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    wechat_ids: list[str] = field(default_factory=list)
    lost_reason: str | None = None
    notes: str = ""
    language: str | None = None


@dataclass(frozen=True)
class ContactMatch:
    """Which contact a draft landed on and how."""

    contact_id: int
    created: bool
    duplicates: tuple[int, ...] = ()
    identities_added: int = 0  # to a contact that was there (a new one's are its own)
    filled: tuple[str, ...] = ()  # blank fields of a contact that was there, filled from the draft


def draft_identities(draft: ContactDraft, default_region: str = "") -> list[ids.NormalizedIdentity]:
    """A draft's identities, normalised with its country then the default region as hints.
    What is too short to be anyone's number (a spam form's "123") is no phone; the file it
    came in keeps it."""
    hints = ids.region_hints(draft.country, default_region)
    found = [ids.normalize_phone(raw, hints) for raw in draft.phones if ids.could_be_phone(raw)]
    found += [ids.normalize_email(raw) for raw in draft.emails if raw.strip()]
    found += [ids.normalize_wechat(raw, hints) for raw in draft.wechat_ids if raw.strip()]
    return found


def holders_of(session: Session, found: Iterable[ids.NormalizedIdentity]
               ) -> dict[tuple[IdentityKind, str], tuple[int, int]]:
    """Which live contact holds each usable identity key, and by which identity row."""
    keys = [(i.kind.value, i.value) for i in found if matchable(i)]
    if not keys:
        return {}
    rows = session.execute(
        select(Identity.kind, Identity.value, Identity.contact_id, Identity.id).where(
            tuple_(Identity.kind, Identity.value).in_(keys), Identity.validity != Validity.INVALID
        )
    )
    return {(IdentityKind(kind), value): (contact_id, row) for kind, value, contact_id, row in rows}


def owners_of(session: Session, found: Iterable[ids.NormalizedIdentity]
              ) -> dict[tuple[IdentityKind, str], int]:
    """Which live contact holds each usable identity key."""
    return {key: contact_id for key, (contact_id, _) in holders_of(session, found).items()}


def note_uses(session: Session, identity_ids: Iterable[int], batch_id: int | None) -> None:
    """Remember that an import (or, with no batch, a person logging an inquiry) recognised
    a contact by these identities, once per batch: a revert of the batch that created an
    identity keeps it while anyone else relies on it."""
    wanted = set(identity_ids)
    if not wanted:
        return
    batch = IdentityUse.import_batch_id
    known = set(session.scalars(select(IdentityUse.identity_id).where(
        IdentityUse.identity_id.in_(wanted), batch.is_(None) if batch_id is None else batch == batch_id)))
    session.add_all(IdentityUse(identity_id=identity, import_batch_id=batch_id)
                    for identity in sorted(wanted - known))


def reindex(session: Session, contact_ids: Iterable[int]) -> None:
    """Bring the contact index in step with what these contacts hold once the session's
    changes are written."""
    session.flush()
    search_index.reindex_contacts(session.connection(), contact_ids)


def add_identities(
    session: Session, contact_id: int, found: Iterable[ids.NormalizedIdentity],
    batch_id: int | None = None,
) -> int:
    """Attach identities no contact holds yet (invalid ones kept once per contact), and
    index them; how many were attached."""
    added = _attach(session, contact_id, found, batch_id)
    if added:
        reindex(session, [contact_id])
    return added


def _attach(session: Session, contact_id: int, found: Iterable[ids.NormalizedIdentity],
            batch_id: int | None) -> int:
    added = 0
    existing = {
        (kind, value)
        for kind, value in session.execute(
            select(Identity.kind, Identity.value).where(Identity.contact_id == contact_id)
        )
    }
    for identity in found:
        if (identity.kind.value, identity.value) in existing:
            continue
        existing.add((identity.kind.value, identity.value))
        session.add(Identity(
            contact_id=contact_id, kind=identity.kind.value, value=identity.value,
            raw=identity.raw, validity=identity.validity.value, region=identity.region,
            import_batch_id=batch_id,
        ))
        added += 1
    return added


def match_contact(
    session: Session,
    draft: ContactDraft,
    *,
    actor: str,
    default_region: str = "",
    batch_id: int | None = None,
) -> ContactMatch:
    """Find the draft's contact through any identity, or create one.

    Blank fields of an existing contact are filled from the draft. When the draft's
    identities point at two contacts, a duplicate candidate is recorded instead of
    merging them.
    """
    found = draft_identities(draft, default_region)
    holders = holders_of(session, found)
    owners = {key: holder[0] for key, holder in holders.items()}
    outcome = resolve(found, owners)
    created = changed = outcome.contact_id is None
    if outcome.contact_id is None:
        contact = Contact(
            name=ids.clean_text(draft.name), company=ids.clean_text(draft.company),
            country=region_for(draft.country), language=draft.language or None,
            notes=draft.notes, import_batch_id=batch_id,
        )
        session.add(contact)
        session.flush()
        record(session, "contact_created", actor, contact_id=contact.id, name=contact.name,
               import_batch_id=batch_id)
    else:
        contact = session.get_one(Contact, outcome.contact_id)
        before = {key: getattr(contact, key) for key in FILLED}
        changed = _fill_blanks(contact, draft)
        changed = _undelete(session, contact, actor, batch_id) or changed
        note_uses(session, (row for holder, row in holders.values() if holder == contact.id), batch_id)
    _place_by_phone(contact, found)
    added = _attach(session, contact.id, outcome.new_identities, batch_id)
    changed = added > 0 or changed
    filled: tuple[str, ...] = ()
    if not created:
        filled = tuple(key for key in FILLED if getattr(contact, key) != before[key])
        if filled and batch_id is not None:  # what a revert of the batch puts back
            record(session, "contact_filled", actor, contact_id=contact.id, import_batch_id=batch_id,
                   before={key: before[key] for key in filled},
                   after={key: getattr(contact, key) for key in filled})
    for other in outcome.conflicting:
        note_duplicate(session, contact.id, other, shared_identity(owners, other).stored())
    if created:
        note_same_name(session, contact)
    if changed:
        reindex(session, [contact.id])
    session.flush()
    return ContactMatch(contact.id, created, outcome.conflicting, 0 if created else added, filled)


FILLED = ("name", "company", "country", "language")  # what an import fills on a contact that was there


def _undelete(session: Session, contact: Contact, actor: str, batch_id: int | None) -> bool:
    """A deleted buyer who writes again is back: what they sent must not land out of sight."""
    if contact.deleted_at is None:
        return False
    contact.deleted_at = None
    record(session, "contact_restored", actor, contact_id=contact.id, import_batch_id=batch_id,
           why="a new message from them")
    return True  # back in the index


def bring_back(session: Session, contact_id: int, *, actor: str, batch_id: int | None) -> None:
    """A contact an import recognised some other way than by identity (a longer export of
    a chat already stored) is back too, if it was deleted."""
    if _undelete(session, session.get_one(Contact, contact_id), actor, batch_id):
        reindex(session, [contact_id])


def add_to_contact(
    session: Session,
    contact_id: int,
    draft: ContactDraft,
    *,
    actor: str,
    default_region: str = "",
    batch_id: int | None = None,
) -> ContactMatch:
    """Give a draft to the contact a person picked for it: the identities nobody holds are
    attached and blank fields filled; an identity another contact holds makes the two a
    duplicate candidate (a person decides), never a silent move."""
    contact = _load(session, contact_id)
    found = draft_identities(draft, default_region)
    holders = holders_of(session, found)
    note_uses(session, (row for holder, row in holders.values() if holder == contact_id), batch_id)
    others = tuple(sorted({holder for holder, _ in holders.values() if holder != contact_id}))
    changed = _fill_blanks(contact, draft)
    _place_by_phone(contact, found)
    new = [identity for identity in found if identity.key not in holders]
    changed = _attach(session, contact_id, new, batch_id) > 0 or changed
    owners = {key: holder[0] for key, holder in holders.items()}
    for other in others:
        note_duplicate(session, contact_id, other, shared_identity(owners, other).stored())
    if changed:
        reindex(session, [contact_id])
    session.flush()
    return ContactMatch(contact_id, False, others)


def _fill_blanks(contact: Contact, draft: ContactDraft) -> bool:
    """Fill what a contact lacks from a draft; whether the index's text changed."""
    indexed = False
    name = ids.clean_text(draft.name)
    # A chat export often names the buyer by number only; a real name replaces it.
    if name and not ids.looks_like_phone(name) and (
        not contact.name or ids.looks_like_phone(contact.name)
    ):
        contact.name, indexed = name, True
    if not contact.company and draft.company.strip():
        contact.company, indexed = ids.clean_text(draft.company), True
    if not contact.country and region_for(draft.country):
        contact.country = region_for(draft.country)
    return indexed


def _place_by_phone(contact: Contact, found: Iterable[ids.NormalizedIdentity]) -> None:
    """A contact nobody gave a country takes the one its first valid number says (+86:
    China), and the language that follows from it when that is not set either."""
    if contact.country:
        return
    region = next((identity.region for identity in found if identity.kind == IdentityKind.PHONE
                   and identity.validity == Validity.VALID and identity.region), None)
    if region:
        contact.country = region
        contact.language = contact.language or language_of(region)


def shared_identity(owners: Mapping[tuple[IdentityKind, str], int], other: int) -> Why:
    """Which of a draft's identities another contact holds (the strongest kind first): why
    the two are likely one buyer."""
    held = sorted((STRENGTH[kind], kind, value) for (kind, value), owner in owners.items()
                  if owner == other)
    if not held:
        return Why("", "an identity of both")
    _, kind, value = held[0]
    return Why(kind.value, value)


def note_same_name(session: Session, contact: Contact) -> None:
    """A new contact of the same name and company, or the same name and country, as a live
    one is a likely duplicate: a buyer who wrote on another channel under their name. One
    indexed look-up; a name that names nobody (empty, a number) pairs with nobody."""
    if contact.name_key is None or not (contact.company_key or contact.country):
        return
    alike = []
    if contact.company_key:
        alike.append(Contact.company_key == contact.company_key)
    if contact.country:
        alike.append(Contact.country == contact.country)
    # Whether a namesake is live is checked here, not in SQL: on a desk never analysed,
    # SQLite would otherwise pick the erased_at index and read every contact.
    rows = session.execute(
        select(Contact.id, Contact.company_key, Contact.merged_into_id, Contact.erased_at).where(
            Contact.name_key == contact.name_key, or_(*alike), Contact.id != contact.id,
        ).order_by(Contact.id.desc()).limit(5 * SAME_NAME_PAIRS)
    )
    live = [(other, company) for other, company, merged, erased in rows if merged is None and erased is None]
    for other, company in live[:SAME_NAME_PAIRS]:
        same_company = contact.company_key is not None and company == contact.company_key
        why = Why(NAME_AND_COMPANY if same_company else NAME_AND_COUNTRY)
        note_duplicate(session, contact.id, other, why.stored())


def note_duplicate(session: Session, contact_id: int, other_id: int, reason: str) -> None:
    """Record that two contacts are likely one person, once per pair."""
    low, high = sorted((contact_id, other_id))
    exists = session.scalar(
        select(DuplicateCandidate.id).where(
            DuplicateCandidate.contact_id == low, DuplicateCandidate.other_id == high
        )
    )
    if exists is None:
        session.add(DuplicateCandidate(contact_id=low, other_id=high, reason=reason))


def _summary(contact: Contact) -> ContactSummary:
    by_kind: dict[str, list[str]] = {kind.value: [] for kind in IdentityKind}
    for identity in sorted(contact.identities, key=lambda i: i.id):
        by_kind[identity.kind].append(identity.value)
    return ContactSummary(
        id=contact.id, name=contact.name, company=contact.company, country=contact.country,
        stage=contact.stage, owner=contact.owner, version=contact.version,
        phones=by_kind["phone"], emails=by_kind["email"], wechat_ids=by_kind["wechat"],
        lost_reason=contact.lost_reason, notes=contact.notes, language=contact.language,
    )


def list_contacts(session: Session, limit: int | None = None,
                  only: list[int] | None = None) -> list[ContactSummary]:
    """Live contacts (not merged away, not deleted), newest first; `only` restricts to
    these ids."""
    query = (
        select(Contact).where(Contact.merged_into_id.is_(None), Contact.deleted_at.is_(None))
        .options(selectinload(Contact.identities)).order_by(Contact.id.desc()).limit(limit)
    )
    if only is not None:
        query = query.where(Contact.id.in_(only))
    return [_summary(contact) for contact in session.scalars(query)]


def get_contact(session: Session, contact_id: int) -> ContactSummary:
    """One contact, or NotFoundError."""
    return _summary(_load(session, contact_id))


def _load(session: Session, contact_id: int, expected_version: int | None = None) -> Contact:
    contact = session.get(Contact, contact_id)
    if contact is None or contact.merged_into_id is not None or contact.deleted_at is not None:
        raise NotFoundError(f"no contact #{contact_id}")
    if expected_version is not None and contact.version != expected_version:
        raise ConflictError(
            f"contact #{contact_id} was changed by someone else since you opened it; "
            "reload and try again"
        )
    return contact


def load_for_edit(session: Session, contact_id: int, expected_version: int) -> Contact:
    """A live contact at the version a person read, or ConflictError (NotFoundError)."""
    return _load(session, contact_id, expected_version)


def field_length(name: str) -> int | None:
    """How many characters a contact's text field keeps (None: no limit)."""
    return getattr(Contact.__table__.c[name].type, "length", None)


def update_contact(
    session: Session, contact_id: int, expected_version: int, *, actor: str, **changes: Any
) -> ContactSummary:
    """Save edits made on the version a person read; a newer version is a conflict."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise InvalidInputError(f"cannot edit {', '.join(sorted(unknown))} of a contact")
    contact = _load(session, contact_id, expected_version)
    if changes.get("country"):
        region = region_for(changes["country"])
        if region is None:
            raise InvalidInputError(f"unknown country {changes['country']!r}")
        changes["country"] = region
    for key, value in changes.items():
        limit = field_length(key)
        if isinstance(value, str) and limit and len(value) > limit:
            raise InvalidInputError(f"{key} is longer than {limit} characters")
    before = {key: getattr(contact, key) for key in changes}
    for key, value in changes.items():
        setattr(contact, key, value)
    session.flush()
    if set(changes) & set(INDEXED):
        reindex(session, [contact_id])
    record(session, "contact_edited", actor, contact_id=contact_id, before=before, after=changes)
    return _summary(contact)


def set_stage(
    session: Session,
    contact_id: int,
    stage: str,
    *,
    actor: str,
    reason: str | None = None,
    expected_version: int | None = None,
) -> ContactSummary:
    """Move a contact along the pipeline; `lost` needs a reason."""
    try:
        new_stage = Stage(stage)
    except ValueError:
        raise InvalidInputError(
            f"unknown stage {stage!r}: use one of {', '.join(Stage)}"
        ) from None
    if new_stage is Stage.LOST and not (reason or "").strip():
        raise InvalidInputError("a lost lead needs a reason")
    contact = _load(session, contact_id, expected_version)
    previous = contact.stage
    contact.stage = new_stage.value
    contact.lost_reason = reason.strip() if new_stage is Stage.LOST and reason else None
    session.flush()
    record(session, "stage_changed", actor, contact_id=contact_id,
           before=previous, after=new_stage.value, reason=contact.lost_reason)
    return _summary(contact)


def find_contact(session: Session, reference: str, *, deleted: bool = False) -> Contact:
    """A contact by id, or by a phone number, email address or WeChat ID that is theirs;
    a contact merged into another is found as the one it was merged into. A deleted one
    is found only when `deleted` says so (its erasure)."""
    text = reference.strip()
    contact: Contact | None = None
    if text.isdigit() and len(text) < 7:
        contact = session.get(Contact, int(text))
    elif text:
        found = ids.normalize_identity(text)
        contact_id = session.scalar(select(Identity.contact_id).where(
            Identity.kind == found.kind.value, Identity.value == found.value).order_by(Identity.id))
        contact = session.get(Contact, contact_id) if contact_id else None
    seen: set[int] = set()
    while contact is not None and contact.merged_into_id is not None and contact.id not in seen:
        seen.add(contact.id)
        contact = session.get(Contact, contact.merged_into_id)
    if contact is None or (contact.deleted_at is not None and not deleted):
        raise NotFoundError(f"no contact {reference!r} (give its id, a phone, an email or a WeChat ID)")
    return contact


def edit_contact(
    session: Session,
    contact_id: int,
    *,
    actor: str,
    fields: dict[str, str] | None = None,
    note: str | None = None,
    stage: str | None = None,
    reason: str | None = None,
) -> ContactSummary:
    """A person's edit of a contact, as the window and `contacts edit` make it: fields set,
    a note added below the notes already there (never replacing them), the stage moved."""
    contact = _load(session, contact_id)
    changes: dict[str, Any] = dict(fields or {})
    if note is not None and note.strip():
        changes["notes"] = "\n".join(filter(None, [contact.notes.rstrip(), note.strip()]))
    before = (contact.stage, contact.lost_reason)
    summary = get_contact(session, contact_id)
    if changes:
        summary = update_contact(session, contact_id, contact.version, actor=actor, **changes)
    if stage is not None and (stage, (reason or "").strip() or None) != before:
        summary = set_stage(session, contact_id, stage, actor=actor, reason=reason)
    return summary


class IdentityHeldError(ConflictError):
    """An identity typed for one contact is already another's: the two may be one buyer."""

    def __init__(self, identity: ids.NormalizedIdentity, holder: int, name: str) -> None:
        super().__init__(f"{identity.kind.value} {identity.value} belongs to contact #{holder}"
                         f"{' ' + name if name else ''}: merge the two instead")
        self.holder = holder


@dataclass(frozen=True)
class IdentityRow:
    """One identity as the contact editor lists it."""

    id: int
    kind: str
    value: str
    validity: str
    region: str | None


def identities_of(session: Session, contact_id: int) -> list[IdentityRow]:
    """A contact's identities, in the order they were added."""
    return [IdentityRow(i.id, i.kind, i.value, i.validity, i.region) for i in session.scalars(
        select(Identity).where(Identity.contact_id == contact_id).order_by(Identity.id))]


@dataclass(frozen=True)
class Holder:
    """The contact an identity belongs to, as the editor names it."""

    id: int
    name: str
    deleted: bool


def holder_of(session: Session, found: ids.NormalizedIdentity) -> Holder | None:
    """Who holds a usable identity already (deleted contacts too: they keep theirs)."""
    held = holders_of(session, [found]).get(found.key)
    if held is None:
        return None
    contact = session.get_one(Contact, held[0])
    return Holder(contact.id, contact.name, contact.deleted_at is not None)


def add_identity(session: Session, contact_id: int, raw: str, *, actor: str,
                 default_region: str = "") -> IdentityRow:
    """A phone, email or WeChat ID a person adds to a contact, read as Log inquiry reads
    it. A typo is refused; one another contact holds is an `IdentityHeldError` (merge
    them). It counts as a person's use, so a revert of an import never takes it away."""
    contact = _load(session, contact_id)
    found = ids.normalize_identity(raw.strip(), hints=ids.region_hints(contact.country, default_region))
    if not raw.strip() or not matchable(found):
        raise InvalidInputError(f"{raw.strip()!r} is not a valid phone number, email or WeChat ID")
    holder = holder_of(session, found)
    if holder is not None and holder.id != contact_id:
        raise IdentityHeldError(found, holder.id, holder.name)
    if holder is None:
        _attach(session, contact_id, [found], None)
        record(session, "identity_added", actor, contact_id=contact_id, kind=found.kind.value,
               value=found.value)
        _place_by_phone(contact, [found])
        reindex(session, [contact_id])
    row = session.scalars(select(Identity).where(
        Identity.contact_id == contact_id, Identity.kind == found.kind.value,
        Identity.value == found.value)).one()
    note_uses(session, [row.id], None)
    session.expire(contact, ["identities"])  # read again by whoever lists them next
    return IdentityRow(row.id, row.kind, row.value, row.validity, row.region)


def remove_identity(session: Session, contact_id: int, identity_id: int, *, actor: str) -> None:
    """Take an identity off a contact (recorded in the trail, kept in no index)."""
    contact = _load(session, contact_id)
    identity = session.get(Identity, identity_id)
    if identity is None or identity.contact_id != contact_id:
        raise NotFoundError(f"contact #{contact_id} has no identity #{identity_id}")
    record(session, "identity_removed", actor, contact_id=contact_id, kind=identity.kind,
           value=identity.value)
    session.delete(identity)
    reindex(session, [contact_id])
    session.expire(contact, ["identities"])
