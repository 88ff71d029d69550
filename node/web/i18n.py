"""Every string the web interface shows, in German (the default) and English.

Templates and the browser script read the same dictionary: ``TEXTS[lang][key]``.
Errors from the node that carry a code (``NodeError.code``) are worded here, in
:data:`ERRORS`; any other message from the node is shown as the node wrote it
(English), after a lead-in in the reader's language, so nothing is lost.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

LANGS = ("de", "en")
DEFAULT_LANG = "de"

TEXTS: dict[str, dict[str, str]] = {
    "de": {
        "app": "Talentverbund",
        "other_lang": "English",
        "nav_jobs": "Stellen",
        "nav_introductions": "Vorstellungen",
        "logout": "Abmelden",
        "login_title": "Anmelden",
        "login_intro": "Geben Sie den Zugangsschlüssel dieses Knotens ein. Die Betriebsstelle "
        "findet ihn in der Datei web.token im Knotenverzeichnis.",
        "token": "Zugangsschlüssel",
        "login": "Anmelden",
        "login_refused": "Der Zugangsschlüssel ist nicht gültig.",
        "login_expired": "Die Anmeldeseite war veraltet. Bitte erneut versuchen.",
        "jobs_title": "Stellen",
        "jobs_none": "Noch keine Stellen. Legen Sie unten die erste an.",
        "job_title": "Stellenbezeichnung",
        "region": "Region",
        "skills": "Fähigkeiten",
        "posted": "Angelegt",
        "post_title": "Stelle anlegen",
        "description": "Stellenbeschreibung",
        "region_code": "Regionalschlüssel (optional)",
        "region_hint": "Land wie DE-SH oder Kreisschlüssel wie 01002",
        "region_invalid": "Der Regionalschlüssel ist ungültig: Land wie DE-SH oder fünfstelliger "
        "Kreisschlüssel wie 01002.",
        "employment": "Beschäftigungsart",
        "employment_any": "keine Angabe",
        "FULL_TIME": "Vollzeit",
        "PART_TIME": "Teilzeit",
        "full_time": "Vollzeit",
        "part_time": "Teilzeit",
        "post": "Stelle anlegen",
        "facts": "Eckdaten",
        "locality": "Ort",
        "employment_types": "Beschäftigungsart",
        "licences": "Führerscheine",
        "qualifications": "Voraussetzungen",
        "start_date": "Beginn",
        "valid_through": "Bewerbungsschluss",
        "skill": "Fähigkeit",
        "kind": "Art",
        "weight": "Gewicht",
        "essential": "Pflicht",
        "optional": "optional",
        "no_skills": "In dieser Stelle wurden keine Fähigkeiten erkannt; die Suche braucht "
        "mindestens eine. Beschreiben Sie Aufgaben und Anforderungen genauer.",
        "attribution": "Bezeichnungen der Fähigkeiten: ESCO, Europäische Kommission",
        "search": "Suchen",
        "search_title": "Suche",
        "top": "Anzahl Ergebnisse",
        "timeout": "Wartezeit auf andere Kommunen (Sekunden)",
        "search_running": "Suche läuft …",
        "search_done": "Suche abgeschlossen",
        "search_failed": "Die Suche ist fehlgeschlagen",
        "stream_lost": "Die Verbindung zum Knoten ist abgebrochen. Bitte Seite neu laden.",
        "results": "Ergebnisse",
        "no_results": "Keine passenden Profile gefunden.",
        "rank": "#",
        "node": "Kommune",
        "result": "Ergebnis",
        "score": "Punkte",
        "matched": "Passende Fähigkeiten",
        "missing": "Fehlende Pflichtfähigkeiten",
        "experience": "Erfahrung (Jahre)",
        "availability": "Verfügbar",
        "action": "Aktion",
        "own_pool": "eigener Bestand",
        "avail_now": "sofort",
        "avail_3m": "binnen 3 Monaten",
        "avail_6m": "binnen 6 Monaten",
        "avail_later": "später",
        "live_note": "Ergebnisse erscheinen, sobald die Kommunen antworten; die endgültige "
        "Rangfolge steht fest, wenn die Suche abgeschlossen ist.",
        "score_note": "Punkte 0–100 = 60 % Ähnlichkeit der Fähigkeiten + 40 % Abdeckung der "
        "Pflichtfähigkeiten, in Schritten von 5. Profile sind anonymisiert.",
        "peers": "Kommunen im Verbund",
        "peers_answered": "{answered} von {total} Kommunen haben geantwortet",
        "no_peers": "Dieser Knoten hat noch keine Partner-Kommunen; gesucht wurde nur im "
        "eigenen Bestand.",
        "status": "Status",
        "hits": "Treffer",
        "ms": "ms",
        "reason": "Grund",
        "from_cache": "aus Zwischenspeicher",
        "peer_answered": "geantwortet",
        "peer_timeout": "keine Antwort bis zur Frist",
        "peer_unavailable": "nicht erreichbar",
        "peer_resource_exhausted": "Kontingent erschöpft",
        "peer_bad_answer": "fehlerhafte Antwort",
        "request_intro": "Vorstellung anfragen",
        "message_optional": "Nachricht an die Person (optional)",
        "intro_requested": "Vorstellung angefragt",
        "intro_failed": "Anfrage fehlgeschlagen",
        "answer_by": "Antwort spätestens am",
        "introductions_title": "Vorstellungen",
        "introductions_none": "Noch keine Vorstellungen.",
        "side": "Seite",
        "side_requester": "von uns angefragt",
        "side_holder": "für unsere Kandidierenden",
        "job": "Stelle",
        "requested": "Angefragt",
        "respond_by": "Antwort bis",
        "answered": "Beantwortet",
        "show_contact": "Kontaktdaten anzeigen",
        "details": "Details",
        "status_requested": "angefragt",
        "status_accepted": "angenommen",
        "status_not_accepted": "nicht angenommen",
        "status_pending": "offen",
        "status_declined": "abgelehnt",
        "status_expired": "abgelaufen",
        "status_deleted": "gelöscht",
        "node_says": "Meldung des Knotens (auf Englisch):",
        "no_result_id": "Es wurde kein Ergebnis gewählt. Nutzen Sie die Schaltfläche neben einem "
        "Ergebnis.",
        "introduction": "Vorstellung",
        "message": "Nachricht",
        "contact": "Kontaktdaten",
        "name": "Name",
        "email": "E-Mail",
        "phone": "Telefon",
        "address": "Anschrift",
        "severe_disability": "Schwerbehinderung (mit ausdrücklicher Einwilligung mitgeteilt)",
        "scrubbed_cv": "Lebenslauf (bereinigt)",
        "original": "Originaldatei",
        "download": "herunterladen",
        "contact_note": "Diese Daten hat die Person mit ihrer Zusage freigegeben. Nutzen Sie sie "
        "nur für dieses Auswahlverfahren.",
        "error": "Fehler",
        "hint": "Hinweis",
        "not_found": "Diese Seite gibt es nicht.",
        "internal": "Interner Fehler; Einzelheiten stehen im Protokoll des Knotens.",
        "csrf": "Sicherheitsprüfung fehlgeschlagen: Das Formular ist veraltet oder kam nicht von "
        "dieser Seite. Bitte Seite neu laden.",
        "login_needed": "Bitte melden Sie sich an.",
        "back": "Zurück",
    },
    "en": {
        "app": "Talentverbund",
        "other_lang": "Deutsch",
        "nav_jobs": "Jobs",
        "nav_introductions": "Introductions",
        "logout": "Log out",
        "login_title": "Log in",
        "login_intro": "Enter this node's access token. The node's operator finds it in the "
        "file web.token in the node directory.",
        "token": "Access token",
        "login": "Log in",
        "login_refused": "The access token is not valid.",
        "login_expired": "The login page was out of date. Please try again.",
        "jobs_title": "Jobs",
        "jobs_none": "No jobs yet. Post the first one below.",
        "job_title": "Job title",
        "region": "Region",
        "skills": "Skills",
        "posted": "Posted",
        "post_title": "Post a job",
        "description": "Job description",
        "region_code": "Region code (optional)",
        "region_hint": "Land like DE-SH or Kreis key like 01002",
        "region_invalid": "The region code is not valid: a Land like DE-SH or a five-digit "
        "Kreis key like 01002.",
        "employment": "Employment type",
        "employment_any": "not specified",
        "FULL_TIME": "Full time",
        "PART_TIME": "Part time",
        "full_time": "full time",
        "part_time": "part time",
        "post": "Post job",
        "facts": "Facts",
        "locality": "Locality",
        "employment_types": "Employment type",
        "licences": "Driving licences",
        "qualifications": "Requirements",
        "start_date": "Start",
        "valid_through": "Closing date",
        "skill": "Skill",
        "kind": "Kind",
        "weight": "Weight",
        "essential": "essential",
        "optional": "optional",
        "no_skills": "No skills were found in this job; search needs at least one. Describe "
        "the tasks and requirements in more detail.",
        "attribution": "Skill labels: ESCO, European Commission",
        "search": "Search",
        "search_title": "Search",
        "top": "Number of results",
        "timeout": "Wait for other municipalities (seconds)",
        "search_running": "Searching …",
        "search_done": "Search complete",
        "search_failed": "The search failed",
        "stream_lost": "The connection to the node was lost. Please reload the page.",
        "results": "Results",
        "no_results": "No matching profiles found.",
        "rank": "#",
        "node": "Municipality",
        "result": "Result",
        "score": "Score",
        "matched": "Matched skills",
        "missing": "Missing essential skills",
        "experience": "Experience (years)",
        "availability": "Available",
        "action": "Action",
        "own_pool": "own pool",
        "avail_now": "now",
        "avail_3m": "within 3 months",
        "avail_6m": "within 6 months",
        "avail_later": "later",
        "live_note": "Results appear as the municipalities answer; the final ranking is set "
        "when the search is complete.",
        "score_note": "Score 0-100 = 60 % skill similarity + 40 % essential-skill coverage, in "
        "steps of 5. Profiles are anonymized.",
        "peers": "Municipalities in the federation",
        "peers_answered": "{answered} of {total} municipalities answered",
        "no_peers": "This node has no partner municipalities yet; only its own pool was searched.",
        "status": "Status",
        "hits": "Results",
        "ms": "ms",
        "reason": "Reason",
        "from_cache": "from cache",
        "peer_answered": "answered",
        "peer_timeout": "no answer by the deadline",
        "peer_unavailable": "unreachable",
        "peer_resource_exhausted": "budget exhausted",
        "peer_bad_answer": "bad answer",
        "request_intro": "Request introduction",
        "message_optional": "Message to the candidate (optional)",
        "intro_requested": "Introduction requested",
        "intro_failed": "Request failed",
        "answer_by": "answer by",
        "introductions_title": "Introductions",
        "introductions_none": "No introductions yet.",
        "side": "Side",
        "side_requester": "requested by us",
        "side_holder": "for our candidates",
        "job": "Job",
        "requested": "Requested",
        "respond_by": "Answer by",
        "answered": "Answered",
        "show_contact": "Show contact card",
        "details": "Details",
        "status_requested": "requested",
        "status_accepted": "accepted",
        "status_not_accepted": "not accepted",
        "status_pending": "pending",
        "status_declined": "declined",
        "status_expired": "expired",
        "status_deleted": "deleted",
        "introduction": "Introduction",
        "message": "Message",
        "contact": "Contact card",
        "name": "Name",
        "email": "E-mail",
        "phone": "Phone",
        "address": "Address",
        "severe_disability": "Severe disability (disclosed with explicit consent)",
        "scrubbed_cv": "CV (scrubbed)",
        "original": "Original file",
        "download": "download",
        "contact_note": "The candidate released these details by accepting. Use them for this "
        "recruitment only.",
        "error": "Error",
        "hint": "Hint",
        "not_found": "There is no such page.",
        "internal": "Internal error; the node's log has the details.",
        "csrf": "Security check failed: the form is out of date or did not come from this "
        "site. Please reload the page.",
        "login_needed": "Please log in.",
        "node_says": "Message from the node:",
        "no_result_id": "No result was chosen. Use the button next to a result.",
        "back": "Back",
    },
}


# code -> language -> (message, hint); placeholders are NodeError.params (ids, counts, dates,
# municipality names: never personal data).
ERRORS: dict[str, dict[str, tuple[str, str]]] = {
    "job_not_found": {
        "de": (
            "Die Stelle {job_id} gibt es auf diesem Knoten nicht.",
            "Wählen Sie eine Stelle aus der Liste.",
        ),
        "en": ("Job {job_id} does not exist on this node.", "Choose a job from the list."),
    },
    "posting_incomplete": {
        "de": (
            "Die Stelle braucht eine Bezeichnung und eine Beschreibung.",
            "Füllen Sie beide Felder aus.",
        ),
        "en": ("The job needs a title and a description.", "Fill in both fields."),
    },
    "message_too_long": {
        "de": (
            "Die Nachricht hat {length} Zeichen, erlaubt sind höchstens {limit}.",
            "Kürzen Sie die Nachricht.",
        ),
        "en": (
            "The message has {length} characters; at most {limit} are allowed.",
            "Shorten the message.",
        ),
    },
    "result_not_found": {
        "de": (
            "Dieses Ergebnis gibt es auf diesem Knoten nicht (mehr).",
            "Nicht genutzte Ergebnisse werden nach {days} Tagen gelöscht. Suchen Sie erneut.",
        ),
        "en": (
            "This result does not exist (any longer) on this node.",
            "Unused results are deleted after {days} days. Search again.",
        ),
    },
    "result_expired": {
        "de": ("Dieses Ergebnis ist am {date} abgelaufen.", "Suchen Sie erneut."),
        "en": ("This result expired on {date}.", "Search again."),
    },
    "introduction_exists": {
        "de": (
            "Für diese Person wurde bereits eine Vorstellung angefragt ({intro_id}).",
            "Den Stand sehen Sie unter „Vorstellungen“.",
        ),
        "en": (
            "An introduction to this person was already requested ({intro_id}).",
            "See its status under “Introductions”.",
        ),
    },
    "peer_gone": {
        "de": (
            "Die Kommune, die dieses Ergebnis geliefert hat, ist nicht mehr im Verbund "
            "mit Ihrem Knoten.",
            "Bitten Sie Ihre IT-Betriebsstelle, die Partnerschaft "
            "zu erneuern, und suchen Sie dann erneut.",
        ),
        "en": (
            "The municipality that returned this result is no longer a partner of your node.",
            "Ask your IT operations to renew the partnership, then search again.",
        ),
    },
    "peer_call_failed": {
        "de": (
            "Die Anfrage an {peer} ist fehlgeschlagen (Status {status}).",
            "Versuchen Sie es später erneut; bleibt der Fehler, wenden Sie sich an Ihre "
            "IT-Betriebsstelle.",
        ),
        "en": (
            "The request to {peer} failed (status {status}).",
            "Try again later; if it persists, contact your IT operations.",
        ),
    },
}


@dataclass(frozen=True)
class Problem:
    """An error as a page shows it: ``lang`` is the language ``message`` is written in."""

    message: str
    hint: str
    lang: str
    code: str | None = None
    lead: str = ""  # "Message from the node:" when the text is the node's own (English)

    def text(self) -> str:
        """One line for the browser script (JSON answers, the search's event stream)."""
        return f"{self.lead} {self.message}" if self.lead else self.message

    def to_json(self) -> dict[str, str | None]:
        return {"error": self.text(), "hint": self.hint, "code": self.code}


def problem(
    lang: str,
    message: str,
    hint: str = "",
    code: str | None = None,
    params: Mapping[str, str | int] | None = None,
) -> Problem:
    """The node's error in ``lang`` when its code is known here; else its own words."""
    worded = ERRORS.get(code or "", {}).get(lang if lang in LANGS else DEFAULT_LANG)
    if worded is not None:
        try:
            return Problem(
                worded[0].format(**(params or {})), worded[1].format(**(params or {})), lang, code
            )
        except (KeyError, IndexError):
            pass  # a parameter the raise site did not give: show the node's own words
    lead = "" if lang == "en" else texts(lang)["node_says"]
    return Problem(message, hint, "en", code, lead)


def texts(lang: str) -> dict[str, str]:
    """The strings of ``lang``; German for anything else."""
    return TEXTS.get(lang, TEXTS[DEFAULT_LANG])
