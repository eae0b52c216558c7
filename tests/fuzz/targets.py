"""What each importer is fuzzed with: a file name it is read as, the channel forced, and
the seed files it starts from (the project's test data and the shared real-world corpus)."""

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
CORPUS = ROOT.parent / "shared" / "corpus"
SAMPLES = ROOT.parent / "shared" / "samples"


@dataclass(frozen=True)
class Target:
    """One importer under fuzzing."""

    name: str
    file_name: str  # what the input is saved as (some importers look at the name)
    channel: str  # the importer it is forced through ("auto" lets detection choose)
    seeds: tuple[str, ...]  # globs under DATA, CORPUS and SAMPLES

    def seed_files(self) -> list[Path]:
        """The seed inputs that exist on this machine, small ones first."""
        patterns = (*self.seeds, f"fuzz/{self.name}/*")  # what fuzzing found once, run first
        found = {path for root in (DATA, CORPUS, SAMPLES) for pattern in patterns
                 for path in root.glob(pattern) if path.is_file() and path.name != "LICENSE"}
        return sorted(found, key=lambda path: (path.stat().st_size, str(path)))


TARGETS = {target.name: target for target in (
    Target("whatsapp", "WhatsApp Chat with Ana.txt", "whatsapp",
           ("**/whatsapp/*.txt", "chat-miner/*.txt", "**/whatstk/*.txt")),
    Target("whatsapp_zip", "WhatsApp Chat - Ana.zip", "whatsapp", ("**/whatsapp/*.zip",)),
    Target("wechat", "chat.txt", "wechat", ("**/wechat/*.txt",)),
    Target("wechat_csv", "chat.csv", "wechat", ("**/wechat/**/*.csv",)),
    Target("email", "mail.eml", "email", ("**/email/*.eml", "email/*/messages/*")),
    Target("mbox", "archive.mbox", "email", ("**/*.mbox.txt",)),
    Target("site_form", "entries.csv", "site_form", ("**/forms/*.csv",)),
    Target("vcard", "contacts.vcf", "vcard", ("**/*.vcf",)),
    Target("detect", "dropped-file", "auto", ("samples/**/*", "**/whatsapp/*.txt")),
    Target("sitemap", "sitemap.xml", "articles", ("**/site/sitemap.xml",)),
    Target("page", "article.html", "articles", ("**/site/*.html",)),
)}
