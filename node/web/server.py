"""The recruiters' local web interface, served by ``talentverbund serve`` on ``network.web``.

Pages: login, jobs (list and a form to post one), a job (facts, skills, search),
the search (results arrive live as Server-Sent Events while the municipalities
answer, then the final ranking with the peers table), introductions and, for an
accepted one, the contact card. German by default, English with ``?lang=en``.

Every operation goes through the node's one dispatch table (``node/api.py``) by
way of ``AdminServer.call``, so the web interface and the command line share one
implementation and one lock; only the streaming search calls
``federated_search`` itself, to receive its parts as they arrive.

Security: a login with the node's token (``auth.py``), a session cookie
(HttpOnly, SameSite=Strict), a CSRF token on every state-changing request,
autoescaped templates, no inline script (CSP ``script-src 'self'``), no access
log (URLs carry ids), and log lines with event names and ids only.
"""

from __future__ import annotations

import base64
import json
import logging
import queue
import re
import secrets
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.message import Message
from http.cookies import CookieError, SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, cast
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from talentverbund.node.config import parse_hostport
from talentverbund.node.errors import NodeError, NotFound, UsageError
from talentverbund.node.federation.searching import DEFAULT_TIMEOUT, MAX_TIMEOUT, federated_search
from talentverbund.node.intake.model import REGION_RE, IntakeError
from talentverbund.node.runtime import NodeRuntime
from talentverbund.node.web.auth import Session, Sessions, load_or_create_token, same
from talentverbund.node.web.i18n import DEFAULT_LANG, LANGS, Problem, problem, texts

log = logging.getLogger("talentverbund.web")

Call = Callable[[str, dict[str, Any]], Any]

HERE = Path(__file__).parent
STATIC = {"app.js": "text/javascript; charset=utf-8", "style.css": "text/css; charset=utf-8"}
MAX_BODY = 256 * 1024
ID = r"[A-Za-z0-9_-]{1,40}"
SESSION_COOKIE = "tv_session"
LOGIN_COOKIE = "tv_login"
LANG_COOKIE = "lang"
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS = (
    ("Content-Security-Policy", CSP),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "DENY"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
)
DEFAULT_TOP = 20
MAX_TOP = 100
FAILED_LOGIN_DELAY = 0.5


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, str]
    form: dict[str, str]
    cookies: dict[str, str]
    headers: Message
    lang: str
    session: Session | None
    args: dict[str, str] = field(default_factory=dict)

    @property
    def wants_json(self) -> bool:
        return "application/json" in (self.headers.get("Accept") or "")


@dataclass
class Response:
    status: int
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: list[tuple[str, str]] = field(default_factory=list)
    stream: Iterator[bytes] | None = None


Handler = Callable[[Request], Response]


@dataclass(frozen=True)
class Route:
    method: str
    pattern: re.Pattern[str]
    handler: Handler
    login: bool = True  # needs a session
    csrf: bool = True  # a POST must carry the session's CSRF token


class WebApp:
    """Routes, pages and the live search; independent of the HTTP server around it."""

    def __init__(self, runtime: NodeRuntime, call: Call, token: str) -> None:
        self.runtime = runtime
        self.call = call
        self._token = token
        self.sessions = Sessions()
        self.env = Environment(
            loader=FileSystemLoader(HERE / "templates"),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.routes = [
            Route("GET", _re(r"/"), self.index, login=False),
            Route("GET", _re(r"/static/(?P<name>[a-z]+\.(?:js|css))"), self.static, login=False),
            Route("GET", _re(r"/login"), self.login_page, login=False),
            Route("POST", _re(r"/login"), self.login, login=False, csrf=False),
            Route("POST", _re(r"/logout"), self.logout),
            Route("GET", _re(r"/jobs"), self.jobs),
            Route("POST", _re(r"/jobs"), self.post_job),
            Route("GET", _re(rf"/jobs/(?P<job_id>{ID})"), self.job),
            Route("GET", _re(rf"/jobs/(?P<job_id>{ID})/search"), self.search_page),
            Route("GET", _re(rf"/jobs/(?P<job_id>{ID})/events"), self.search_events),
            Route("POST", _re(r"/introduce"), self.introduce),
            Route("GET", _re(r"/introductions"), self.introductions),
            Route("GET", _re(rf"/introductions/(?P<intro_id>{ID})"), self.introduction),
            Route("GET", _re(rf"/introductions/(?P<intro_id>{ID})/original"), self.original),
        ]

    # -- dispatch ----------------------------------------------------------------------

    def handle(self, method: str, target: str, headers: Message, body: bytes) -> Response:
        url = urlsplit(target)
        query = dict(parse_qsl(url.query, keep_blank_values=True))
        cookies = _cookies(headers.get("Cookie"))
        lang = query.get("lang") if query.get("lang") in LANGS else None
        req = Request(
            method=method,
            path=url.path,
            query=query,
            form={},
            cookies=cookies,
            headers=headers,
            lang=lang
            or (cookies.get(LANG_COOKIE) if cookies.get(LANG_COOKIE) in LANGS else None)
            or DEFAULT_LANG,
            session=self.sessions.get(cookies.get(SESSION_COOKIE)),
        )
        response = self._route(req, body)
        if lang is not None:  # remember an explicit choice
            response.headers.append(
                ("Set-Cookie", _cookie(LANG_COOKIE, lang, max_age=365 * 86400, http_only=False))
            )
        return response

    def _route(self, req: Request, body: bytes) -> Response:
        allowed = False
        for route in self.routes:
            match = route.pattern.fullmatch(req.path)
            if match is None:
                continue
            allowed = True
            if route.method == req.method:
                break
        else:
            if allowed:
                return self.error_page(req, 405, _own(req, "not_found"))
            return self.error_page(req, 404, _own(req, "not_found"))
        req.args = match.groupdict()
        if route.login and req.session is None:
            if req.method == "GET" and not req.path.endswith("/events"):
                return _redirect("/login")
            return self.error_page(req, 403, _own(req, "login_needed"))
        if req.method == "POST":
            content_type = (req.headers.get("Content-Type") or "").split(";")[0].strip()
            if content_type != "application/x-www-form-urlencoded":
                return self.error_page(req, 415, _own(req, "csrf"))
            req.form = dict(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
        if req.method == "POST" and route.csrf:
            assert req.session is not None
            if not same(req.form.get("csrf", ""), req.session.csrf):
                log.warning("web request refused: missing or wrong CSRF token")
                return self.error_page(req, 403, _own(req, "csrf"))
        try:
            return route.handler(req)
        except NodeError as exc:
            return self.error_page(req, _status(exc), _node_problem(req.lang, exc))
        except IntakeError as exc:
            return self.error_page(
                req, 400, problem(req.lang, f"{exc.where}: {exc.message}", exc.hint)
            )
        except Exception:
            log.exception("web request failed", extra={"route": route.pattern.pattern})
            return self.error_page(req, 500, _own(req, "internal"))

    # -- rendering ---------------------------------------------------------------------

    def render(self, req: Request, template: str, status: int = 200, **context: Any) -> Response:
        other = "en" if req.lang == "de" else "de"
        page = self.env.get_template(template).render(
            t=texts(req.lang),
            lang=req.lang,
            other=other,
            switch_url=f"{req.path}?{urlencode({'lang': other})}",
            session=req.session,
            node_name=self.runtime.config.name,
            error=context.pop("error", None),
            **context,
        )
        return Response(status, page.encode())

    def error_page(self, req: Request, status: int, error: Problem) -> Response:
        if req.wants_json:
            body = json.dumps(error.to_json(), ensure_ascii=False).encode()
            return Response(status, body, "application/json; charset=utf-8")
        return self.render(req, "error.html", status, error=error)

    # -- pages -------------------------------------------------------------------------

    def index(self, _req: Request) -> Response:
        return _redirect("/jobs")

    def static(self, req: Request) -> Response:
        name = req.args["name"]
        if name not in STATIC:
            return self.error_page(req, 404, _own(req, "not_found"))
        body = (HERE / "static" / name).read_bytes()
        return Response(200, body, STATIC[name], [("Cache-Control", "no-cache")])

    def login_page(self, req: Request, status: int = 200, error: str = "") -> Response:
        if req.session is not None and req.method == "GET":
            return _redirect("/jobs")
        nonce = secrets.token_urlsafe(24)  # double-submitted: cookie and form field
        response = self.render(
            req,
            "login.html",
            status,
            nonce=nonce,
            error=Problem(error, "", req.lang) if error else None,
        )
        response.headers.append(
            ("Set-Cookie", _cookie(LOGIN_COOKIE, nonce, max_age=3600, path="/login"))
        )
        return response

    def login(self, req: Request) -> Response:
        t = texts(req.lang)
        nonce = req.cookies.get(LOGIN_COOKIE, "")
        if not nonce or not same(req.form.get("nonce", ""), nonce):
            return self.login_page(req, 403, t["login_expired"])
        if not same(req.form.get("token", "").strip(), self._token):
            time.sleep(FAILED_LOGIN_DELAY)  # the token is 256 random bits; this only slows
            log.warning("web login refused")
            return self.login_page(req, 401, t["login_refused"])
        session = self.sessions.create()
        log.info("web login")
        return _redirect(
            "/jobs",
            ("Set-Cookie", _cookie(SESSION_COOKIE, session.sid, secure=_behind_https(req))),
            ("Set-Cookie", _cookie(LOGIN_COOKIE, "", max_age=0, path="/login")),
        )

    def logout(self, req: Request) -> Response:
        assert req.session is not None
        self.sessions.drop(req.session.sid)
        return _redirect("/login", ("Set-Cookie", _cookie(SESSION_COOKIE, "", max_age=0)))

    def jobs(self, req: Request, status: int = 200, **context: Any) -> Response:
        jobs = self.call("job.list", {})
        jobs.sort(key=lambda j: j["created_at"], reverse=True)
        context.setdefault("form", {})
        return self.render(req, "jobs.html", status, jobs=jobs, **context)

    def post_job(self, req: Request) -> Response:
        form = {k: req.form.get(k, "").strip() for k in ("title", "description", "region")}
        form["employment"] = req.form.get("employment", "")
        region = form["region"].upper()
        if region and not REGION_RE.match(region):
            return self.jobs(req, 400, form=form, error=_own(req, "region_invalid"))
        posting: dict[str, Any] = {
            "@context": "https://schema.org/",
            "@type": "JobPosting",
            "title": form["title"],
            "description": form["description"],
        }
        if form["employment"] in ("FULL_TIME", "PART_TIME"):
            posting["employmentType"] = form["employment"]
        if region:
            posting["jobLocation"] = {
                "@type": "Place",
                "address": {
                    "@type": "PostalAddress",
                    "addressRegion": region,
                    "addressCountry": "DE",
                },
            }
        try:
            created = self.call("job.add", {"posting": posting, "where": "form"})
        except NodeError as exc:  # the form keeps what the recruiter typed
            error = _node_problem(req.lang, exc)
            return self.jobs(req, _status(exc), form=form, error=error)
        log.info("web job posted", extra={"job_id": created["id"]})
        return _redirect(f"/jobs/{created['id']}")

    def job(self, req: Request) -> Response:
        job = self.call("job.show", {"id": req.args["job_id"]})
        labels = self._labels(job, req.lang)
        for skill in job["skills"]:
            skill["label"] = labels.get(skill["label"], skill["label"])
        return self.render(req, "job.html", job=job, top=DEFAULT_TOP, timeout=DEFAULT_TIMEOUT)

    def search_page(self, req: Request) -> Response:
        assert req.session is not None
        job = self.call("job.show", {"id": req.args["job_id"]})
        top, timeout = _search_params(req.query)
        stream = f"/jobs/{job['id']}/events?" + urlencode(
            {"top": top, "timeout": f"{timeout:g}", "lang": req.lang, "csrf": req.session.csrf}
        )
        return self.render(
            req,
            "search.html",
            job=job,
            top=top,
            timeout=timeout,
            stream=stream,
            strings=texts(req.lang),
        )

    def search_events(self, req: Request) -> Response:
        """Server-Sent Events: ``local``, one ``peer`` per answer, then ``done`` (or
        ``failed``). The search runs in its own thread; its parts come through a queue."""
        assert req.session is not None
        if not same(req.query.get("csrf", ""), req.session.csrf):
            log.warning("web request refused: missing or wrong CSRF token")
            return self.error_page(req, 403, _own(req, "csrf"))
        top, timeout = _search_params(req.query)
        stream = self._search_stream(req.args["job_id"], top, timeout, req.lang)
        return Response(200, content_type="text/event-stream; charset=utf-8", stream=stream)

    def _search_stream(self, job_id: str, top: int, timeout: float, lang: str) -> Iterator[bytes]:
        parts: queue.Queue[tuple[str, dict[str, Any]]] = queue.Queue()

        def run() -> None:
            try:
                answer = federated_search(
                    self.runtime,
                    job_id,
                    top,
                    timeout,
                    progress=lambda p: parts.put((p["event"], p)),
                )
                parts.put(("done", answer))
            except NodeError as exc:
                parts.put(("failed", _failed(_node_problem(lang, exc))))
            except Exception:
                log.exception("web search failed", extra={"job_id": job_id})
                parts.put(("failed", _failed(Problem(texts(lang)["internal"], "", lang))))

        yield b": talentverbund search\nretry: 3600000\n\n"  # headers out; no quick reconnects
        try:
            labels = self._labels(self.call("job.show", {"id": job_id}), lang)
        except NodeError as exc:
            yield _sse("failed", _failed(_node_problem(lang, exc)))
            return
        threading.Thread(target=run, name="web-search", daemon=True).start()
        log.info("web search", extra={"job_id": job_id, "top": top})
        while True:
            try:
                kind, part = parts.get(timeout=timeout + 60)
            except queue.Empty:
                kind, part = "failed", _failed(Problem(texts(lang)["internal"], "", lang))
            if kind in ("local", "peer", "done"):
                part = _relabel(part, labels)
            yield _sse(kind, part)
            if kind in ("done", "failed"):
                return

    def _labels(self, job: dict[str, Any], lang: str) -> dict[str, str]:
        """German skill labels (as the node gives them) -> labels in ``lang``."""
        if lang == "de":
            return {}
        taxonomy = self.runtime.matcher().taxonomy
        return {
            s["label"]: taxonomy.skill(s["uri"]).label(lang)
            for s in job["skills"]
            if taxonomy.has(s["uri"])
        }

    def introduce(self, req: Request) -> Response:
        params = {
            "result_id": req.form.get("result_id", ""),
            "message": req.form.get("message", ""),
        }
        if not re.fullmatch(ID, params["result_id"]):
            return self.error_page(req, 400, _own(req, "no_result_id"))
        try:
            answer = self.call("introduce", params)
        except NodeError as exc:
            return self.error_page(req, _status(exc), _node_problem(req.lang, exc))
        log.info("web introduction requested", extra={"intro_id": answer["id"]})
        if req.wants_json:
            return Response(200, json.dumps(answer).encode(), "application/json; charset=utf-8")
        return _redirect("/introductions")

    def introductions(self, req: Request) -> Response:
        rows = self.call("introduction.list", {})
        rows.sort(key=lambda r: r["requested_at"] or "", reverse=True)
        return self.render(req, "introductions.html", rows=rows)

    def introduction(self, req: Request) -> Response:
        shown = self.call("introduction.show", {"id": req.args["intro_id"]})
        contact = shown.get("contact") or {}
        fields = [
            (key, contact[key])
            for key in ("name", "email", "phone", "address", "severe_disability")
            if contact.get(key)
        ]
        return self.render(req, "introduction.html", intro=shown, contact=contact, fields=fields)

    def original(self, req: Request) -> Response:
        shown = self.call("introduction.show", {"id": req.args["intro_id"]})
        original = (shown.get("contact") or {}).get("original")
        if not original:
            raise NotFound(
                f"introduction {req.args['intro_id']} carries no original file",
                "the candidate shared the scrubbed CV only",
            )
        name = str(original.get("filename") or "cv").replace("/", "_")
        return Response(
            200,
            base64.b64decode(original["content_base64"]),
            "application/octet-stream",
            [
                ("Content-Disposition", f"attachment; filename*=UTF-8''{quote(name)}"),
                ("Content-Security-Policy", "sandbox"),
            ],
        )


# -- the HTTP server ---------------------------------------------------------------------


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    app: WebApp

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Into the JSON log, not a bare traceback on stderr; a browser leaving is normal."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        log.exception("web connection failed")


class _HTTPServer6(_HTTPServer):
    address_family = socket.AF_INET6


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"  # one request per connection; streams end with it

    def version_string(self) -> str:
        return "talentverbund"

    def do_GET(self) -> None:
        self._handle("GET")

    def do_POST(self) -> None:
        self._handle("POST")

    def log_message(self, format: str, *args: Any) -> None:
        """No access log: URLs carry ids, and ``serve`` writes JSON lines only."""

    def _handle(self, method: str) -> None:
        app = cast(_HTTPServer, self.server).app
        length = int(self.headers.get("Content-Length") or 0) if method == "POST" else 0
        if not 0 <= length <= MAX_BODY:
            self._send(Response(413, b"request too large", "text/plain; charset=utf-8"))
            return
        body = self.rfile.read(length) if length else b""
        self._send(app.handle(method, self.path, self.headers, body))

    def _send(self, response: Response) -> None:
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        own = {name.lower() for name, _ in response.headers}
        for name, value in SECURITY_HEADERS:
            if name.lower() not in own:
                self.send_header(name, value)
        if "cache-control" not in own:
            self.send_header("Cache-Control", "no-store")
        for name, value in response.headers:
            self.send_header(name, value)
        if response.stream is None:
            self.send_header("Content-Length", str(len(response.body)))
            self.end_headers()
            self.wfile.write(response.body)
            return
        self.send_header("X-Accel-Buffering", "no")  # reverse proxies: do not buffer events
        self.end_headers()
        try:
            for chunk in response.stream:
                self.wfile.write(chunk)
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the browser left; the search finishes on its own by its deadline


class WebServer:
    """The web interface in a thread of ``serve``; a busy address is logged, not fatal."""

    def __init__(self, runtime: NodeRuntime, call: Call) -> None:
        self.runtime = runtime
        self.call = call
        self.port = 0
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        address = self.runtime.config.web
        host, port = parse_hostport(address, "network.web")
        token_file, token, created = load_or_create_token(self.runtime.config.directory)
        if created:
            log.info("web token created", extra={"token_file": str(token_file)})
        host = host.strip("[]")
        server_class = _HTTPServer6 if ":" in host else _HTTPServer
        try:
            httpd = server_class((host, port), _Handler)
        except OSError as exc:
            log.warning(
                "web interface not started",
                extra={"web": address, "reason": exc.strerror or str(exc)},
            )
            return
        httpd.app = WebApp(self.runtime, self.call, token)
        self._httpd = httpd
        self.port = int(httpd.server_address[1])
        self._thread = threading.Thread(
            target=httpd.serve_forever, kwargs={"poll_interval": 0.5}, name="web", daemon=True
        )
        self._thread.start()
        log.info(
            "web interface serving",
            extra={"web": f"{host}:{self.port}", "token_file": str(token_file)},
        )

    def stop(self) -> None:
        if self._httpd is None:
            return
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._httpd = None


# -- helpers -----------------------------------------------------------------------------


def _re(path: str) -> re.Pattern[str]:
    return re.compile(path)


def _own(req: Request, key: str) -> Problem:
    """A message of the web interface itself, in the page's language."""
    return Problem(texts(req.lang)[key], "", req.lang)


def _node_problem(lang: str, exc: NodeError) -> Problem:
    return problem(lang, exc.message, exc.hint, exc.code, exc.params)


def _failed(error: Problem) -> dict[str, str]:
    """The search stream's ``failed`` event."""
    return {"message": error.text(), "hint": error.hint, "code": error.code or ""}


def _status(exc: NodeError) -> int:
    if isinstance(exc, NotFound):
        return 404
    if isinstance(exc, UsageError):
        return 400
    return 502


def _redirect(location: str, *headers: tuple[str, str]) -> Response:
    return Response(303, b"", headers=[("Location", location), *headers])


def _cookies(header: str | None) -> dict[str, str]:
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(header or "")
    except CookieError:
        return {}
    return {name: morsel.value for name, morsel in jar.items()}


def _cookie(
    name: str,
    value: str,
    *,
    max_age: int | None = None,
    path: str = "/",
    http_only: bool = True,
    secure: bool = False,
) -> str:
    parts = [f"{name}={value}", f"Path={path}", "SameSite=Strict"]
    if max_age is not None:
        parts.append(f"Max-Age={max_age}")
    if http_only:
        parts.append("HttpOnly")
    if secure:
        parts.append("Secure")
    return "; ".join(parts)


def _behind_https(req: Request) -> bool:
    """A reverse proxy that terminates TLS says so; the cookie then travels over TLS only."""
    return (req.headers.get("X-Forwarded-Proto") or "").lower() == "https"


def _search_params(query: dict[str, str]) -> tuple[int, float]:
    try:
        top = min(max(int(query.get("top") or DEFAULT_TOP), 1), MAX_TOP)
    except ValueError:
        top = DEFAULT_TOP
    try:
        timeout = float(query.get("timeout") or DEFAULT_TIMEOUT)
    except ValueError:
        timeout = DEFAULT_TIMEOUT
    if not 0 < timeout <= MAX_TIMEOUT:
        timeout = DEFAULT_TIMEOUT
    return top, timeout


def _relabel(part: dict[str, Any], labels: dict[str, str]) -> dict[str, Any]:
    if not labels:
        return part
    for row in part.get("results", []):
        for key in ("matched", "missing_essential"):
            row[key] = [labels.get(label, label) for label in row.get(key, [])]
    return part


def _sse(event: str, data: dict[str, Any]) -> bytes:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False, default=str)}\n\n".encode()
