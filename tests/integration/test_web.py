"""The recruiters' web interface in real headless Chromium, against real peered nodes.

Kiel (the recruiter's node) and Flensburg serve as their own processes with real
mTLS, each with synthetic candidates; Husum is peered with Kiel but hangs (SIGSTOP:
it accepts connections and never answers), so Flensburg's results must appear while
the search still runs, and the final peers table must name Husum as not answering and
say why. The browser logs in
with the token from ``DIR/web.token``, posts a job through the form, watches the
federated search arrive live, requests an introduction and, once the candidate
accepted at Flensburg, reads the contact card.
"""

from __future__ import annotations

import json
import os
import signal
import time
import tomllib
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import tomli_w

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip("Chromium is not installed at /usr/bin/chromium", allow_module_level=True)

from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright  # noqa: E402

from talentverbund.node.synth import generate_candidates  # noqa: E402
from tests.conftest import free_port  # noqa: E402
from tests.nodes import Node, init_node, run_cli, serve, stop_nodes, wait_serving  # noqa: E402

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip
TITLE = "Stadtplanerin / Stadtplaner (m/w/d)"
DESCRIPTION = (
    "Ihre Aufgaben: Bauleitplanung, Aufstellung von Bebauungsplänen, Flächennutzungsplan, GIS. "
    "Ihr Profil: Kenntnisse im öffentlichen Baurecht, Bürgerbeteiligung."
)
PLANNER = (
    "{name}\n{email}\nStadtplanerin bei der Stadt Kiel (2012-2024)\n"
    "Bauleitplanung, Aufstellung von Bebauungsplänen, Flächennutzungsplan, GIS, "
    "öffentliches Baurecht, Bürgerbeteiligung\nEnglisch (B2)\n"
)


@dataclass
class Web:
    kiel: Node
    flensburg: Node
    url: str  # Kiel's web interface
    token: str


def _cli_ok(*args: object) -> str:
    code, out, err = run_cli(*args)
    assert code == 0, f"{args[:2]}: {err}"
    return out


def _web_port(node: Node) -> int:
    port = free_port()
    path = node.directory / "talentverbund.toml"
    config = tomllib.loads(path.read_text())
    config["network"]["web"] = f"127.0.0.1:{port}"
    path.write_text(tomli_w.dumps(config))
    return port


def _fill(node: Node, count: int, seed: int, base: Path) -> None:
    path = base / f"{node.name}.jsonl"
    path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n"
                            for p in generate_candidates(count, seed, None)))  # fmt: skip
    _cli_ok("candidate", "import", node.directory, path, "--consent", "local",
            "--consent", "federation")  # fmt: skip


def _add_planner(node: Node, base: Path, name: str) -> None:
    cv = base / f"{name}.txt"
    email = name.lower().replace(" ", ".") + "@example.org"
    cv.write_text(PLANNER.format(name=name, email=email))
    _cli_ok("candidate", "add", node.directory, "--cv", cv, "--email", email,
            "--consent", "local", "--consent", "federation")  # fmt: skip


@pytest.fixture(scope="module")
def web(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Web]:
    base = tmp_path_factory.mktemp("web")
    kiel = init_node(base, "Kiel", "01002")
    flensburg = init_node(base, "Flensburg", "01001")
    husum = init_node(base, "Husum", "01054")  # peered with Kiel, then hung
    port = _web_port(kiel)
    _web_port(flensburg)
    _web_port(husum)
    _fill(kiel, 8, 7, base)
    _fill(flensburg, 20, 8, base)
    for name in ("Planer Eins", "Planer Zwei"):
        _add_planner(flensburg, base, name)
    nodes = [kiel, flensburg, husum]
    for node in nodes:
        serve(node)
    try:
        for node in nodes:
            wait_serving(node)
        _cli_ok("peer", "add", kiel.directory, flensburg.descriptor_file)
        _cli_ok("peer", "add", flensburg.directory, kiel.descriptor_file)
        _cli_ok("peer", "add", kiel.directory, husum.descriptor_file)
        assert husum.proc is not None
        os.kill(husum.proc.pid, signal.SIGSTOP)
        token = (kiel.directory / "web.token").read_text().strip()
        yield Web(kiel, flensburg, f"http://127.0.0.1:{port}", token)
    finally:
        if husum.proc is not None:
            husum.proc.kill()  # hung on purpose; a graceful stop is tested elsewhere
        stop_nodes(nodes)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    ctx = browser.new_context()
    ctx.set_default_timeout(20_000)
    yield ctx
    ctx.close()


def _login(context: BrowserContext, web: Web) -> Page:
    page = context.new_page()
    page.goto(f"{web.url}/login")
    page.fill("#token", web.token)
    page.click("#login button[type=submit]")
    page.wait_for_url(f"{web.url}/jobs")
    return page


def _post_job(page: Page, web: Web, title: str = TITLE, region: str = "") -> str:
    page.goto(f"{web.url}/jobs")
    page.fill("#title", title)
    page.fill("#description", DESCRIPTION)
    page.fill("#region", region)
    page.select_option("#employment", "FULL_TIME")
    page.click("#post-job button[type=submit]")
    page.wait_for_url(f"{web.url}/jobs/j*")
    return page.url.rsplit("/", 1)[1]


def test_token_file_is_private_and_never_logged(web: Web) -> None:
    token_file = web.kiel.directory / "web.token"
    assert token_file.stat().st_mode & 0o777 == 0o600
    assert len(web.token) >= 32
    log = (web.kiel.directory.parent / "Kiel.log").read_text()
    assert "web interface serving" in log and str(token_file) in log
    assert web.token not in log


def test_without_a_session_every_page_leads_to_login(context: BrowserContext, web: Web) -> None:
    page = context.new_page()
    for path in ("/jobs", "/introductions", "/jobs/j000000000000"):
        page.goto(web.url + path)
        assert page.url == f"{web.url}/login"
        expect(page.locator("h1")).to_have_text("Anmelden")


def test_wrong_token_is_refused(context: BrowserContext, web: Web) -> None:
    page = context.new_page()
    page.goto(f"{web.url}/login")
    page.fill("#token", "falsch-" + web.token[:20])
    with page.expect_response(f"{web.url}/login") as answer:
        page.click("#login button[type=submit]")
    assert answer.value.status == 401
    expect(page.locator(".error")).to_contain_text("Zugangsschlüssel ist nicht gültig")
    assert not [c for c in context.cookies() if c["name"] == "tv_session"]
    page.goto(f"{web.url}/jobs")
    assert page.url == f"{web.url}/login"


def test_login_german_by_default_english_on_request(context: BrowserContext, web: Web) -> None:
    page = _login(context, web)
    expect(page.locator("h1")).to_have_text("Stellen")
    expect(page.locator("html")).to_have_attribute("lang", "de")
    session = next(c for c in context.cookies() if c["name"] == "tv_session")
    assert session["httpOnly"] and session["sameSite"] == "Strict"
    response = page.goto(f"{web.url}/jobs?lang=en")
    assert response is not None
    headers = response.headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    expect(page.locator("h1")).to_have_text("Jobs")
    expect(page.locator("#post-job button[type=submit]")).to_have_text("Post job")
    page.goto(f"{web.url}/introductions")  # the choice is kept (cookie)
    expect(page.locator("h1")).to_have_text("Introductions")
    page.click("#lang-switch")
    expect(page.locator("h1")).to_have_text("Vorstellungen")


def test_form_errors_are_shown_and_everything_is_escaped(context: BrowserContext, web: Web) -> None:
    page = _login(context, web)
    evil = 'Hausmeister "><script>document.title="pwned"</script>'
    page.fill("#title", evil)
    page.fill("#description", DESCRIPTION)
    page.fill("#region", "XX")
    with page.expect_response(f"{web.url}/jobs") as answer:
        page.click("#post-job button[type=submit]")
    assert answer.value.status == 400
    expect(page.locator(".error")).to_contain_text("Regionalschlüssel ist ungültig")
    assert page.input_value("#title") == evil  # kept, as text
    assert page.locator("main script").count() == 0
    assert page.title() != "pwned"
    page.goto(f"{web.url}/jobs/jdoesnotexist")  # a node error: in German, no stack trace
    expect(page.locator(".error .message")).to_have_text(
        "Die Stelle jdoesnotexist gibt es auf diesem Knoten nicht."
    )
    assert "does not exist" not in page.content() and "Traceback" not in page.content()
    page.goto(f"{web.url}/jobs/jdoesnotexist?lang=en")
    expect(page.locator(".error .message")).to_have_text("Job jdoesnotexist does not exist on this node.")
    page.goto(f"{web.url}/jobs?lang=de")


def test_post_job_search_live_and_request_an_introduction(
    context: BrowserContext, web: Web
) -> None:
    page = _login(context, web)
    job_id = _post_job(page, web)
    expect(page.locator("h1")).to_have_text(TITLE)
    expect(page.locator("#skills")).to_contain_text("Stadtplanung")
    expect(page.locator(".facts")).to_contain_text("Vollzeit")
    page.goto(f"{web.url}/jobs/{job_id}?lang=en")  # skill labels follow the language
    expect(page.locator("#skills")).to_contain_text("urban planning")
    expect(page.locator("#search")).to_have_text("Search")
    page.goto(f"{web.url}/jobs/{job_id}?lang=de")
    expect(page.locator("#search")).to_have_text("Suchen")

    page.fill("#timeout", "3")
    page.click("#search")
    page.wait_for_url(f"{web.url}/jobs/{job_id}/search*")
    flensburg_rows = page.locator("#results tbody tr.remote[data-node=Flensburg]")
    expect(flensburg_rows.first).to_be_visible()  # live: Husum still holds the search open
    expect(page.locator("#search")).to_have_attribute("data-state", "running")
    expect(page.locator("#peers tbody tr[data-node=Flensburg]")).to_be_visible()
    expect(page.locator("#search")).to_have_attribute("data-state", "done", timeout=30_000)
    assert flensburg_rows.count() >= 2
    expect(page.locator("#results tbody tr.local").first).to_contain_text("eigener Bestand")
    expect(flensburg_rows.first.locator("td.score")).not_to_have_text("")
    scores = [int(s) for s in page.locator("#results td.score").all_inner_texts()]
    assert scores == sorted(scores, reverse=True)
    flensburg = page.locator("#peers tbody tr[data-node=Flensburg]")
    expect(flensburg).to_have_attribute("data-status", "answered")
    expect(flensburg.locator("td.status")).to_have_text("geantwortet")
    husum = page.locator("#peers tbody tr[data-node=Husum]")
    expect(husum).not_to_have_attribute("data-status", "answered")
    assert husum.locator("td").last.inner_text()  # why it did not answer
    expect(page.locator("#peers-summary")).to_have_text("1 von 2 Kommunen haben geantwortet")

    # the same search as a raw event stream: local first, each peer as it answers, then done
    stream = page.locator("#search").get_attribute("data-stream")
    assert stream is not None
    body = context.request.get(web.url + stream).text()
    events = [line.split(": ", 1)[1] for line in body.splitlines() if line.startswith("event: ")]
    assert events[-1] == "done" and events.count("local") == 1  # parts in arrival order
    parts = [json.loads(line[6:]) for line in body.splitlines() if line.startswith("data: ")]
    peers = {p["peer"]["name"]: p["peer"]["status"] for p in parts if p.get("event") == "peer"}
    assert peers["Flensburg"] == "answered"  # each peer as it comes
    assert peers.get("Husum", "deadline") != "answered"  # hung: times out, or is left out
    assert {p["name"] for p in parts[-1]["peers"]} == {"Flensburg", "Husum"}

    first = flensburg_rows.first
    result_id = first.get_attribute("data-result")
    first.locator("input[name=message]").fill("Wir freuen uns auf Sie.")
    first.get_by_role("button", name="Vorstellung anfragen").click()
    expect(first.locator(".intro-done")).to_contain_text("Vorstellung angefragt")
    # asking again for the same person: refused, in the page's language
    csrf = page.locator("input[name=csrf]").first.input_value()
    again = context.request.post(
        f"{web.url}/introduce",
        form={"csrf": csrf, "result_id": result_id or "", "message": ""},
        headers={"Accept": "application/json"},
    )
    assert again.status == 400
    refusal = again.json()
    assert refusal["code"] == "introduction_exists"
    assert refusal["error"].startswith("Für diese Person wurde bereits eine Vorstellung angefragt")
    assert "already requested" not in refusal["error"]
    page.click("text=Vorstellungen")
    row = page.locator("#introductions tbody tr").filter(has_text="Flensburg")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("angefragt")
    expect(row).to_contain_text(TITLE)

    # the candidate accepts at Flensburg; Kiel's page then links the contact card
    intro_id = row.get_attribute("data-id")
    assert result_id and intro_id
    _cli_ok("candidate", "respond", web.flensburg.directory, intro_id, "accept")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        page.goto(f"{web.url}/introductions")
        if page.locator(f"tr[data-id={intro_id}]").get_attribute("data-status") == "accepted":
            break
        time.sleep(0.5)
    page.click(f"tr[data-id={intro_id}] a.contact")
    expect(page.locator("#contact")).to_contain_text("@")
    expect(page.locator("#cv")).not_to_be_empty()


def test_post_without_csrf_token_is_refused(context: BrowserContext, web: Web) -> None:
    page = _login(context, web)
    before = page.locator("#jobs tbody tr").count()
    form = {"title": TITLE, "description": DESCRIPTION}
    assert context.request.post(f"{web.url}/jobs", form=form).status == 403
    wrong = context.request.post(f"{web.url}/jobs", form={**form, "csrf": "x" * 43})
    assert wrong.status == 403
    assert context.request.post(f"{web.url}/introduce", form={"result_id": "r1"}).status == 403
    search = context.request.get(f"{web.url}/jobs/j000000000000/events")
    assert search.status == 403
    page.reload()
    assert page.locator("#jobs tbody tr").count() == before
    # and without any session at all (no cookie): refused as well
    request = urllib.request.Request(
        f"{web.url}/jobs", data=b"title=a&description=b", method="POST",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )  # fmt: skip
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 403


def test_logout_ends_the_session(context: BrowserContext, web: Web) -> None:
    page = _login(context, web)
    sid = next(c["value"] for c in context.cookies() if c["name"] == "tv_session")
    page.click("header form button")
    page.wait_for_url(f"{web.url}/login")
    request = urllib.request.Request(f"{web.url}/jobs", headers={"Cookie": f"tv_session={sid}"})
    opener = urllib.request.build_opener(_NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as redirected:
        opener.open(request, timeout=10)
    assert redirected.value.code == 303 and redirected.value.headers["Location"] == "/login"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return None
