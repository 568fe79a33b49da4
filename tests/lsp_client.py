"""A minimal synchronous Language Server Protocol client over stdio, for driving
yaml-language-server (the server VS Code's YAML extension runs) from the tests.

JSON-RPC messages are framed with `Content-Length` headers. A reader thread parses what the
server writes: it answers the server's own requests at once (`workspace/configuration` with
the settings given to the client, everything else — `client/registerCapability`,
`window/workDoneProgress/create`, … — with null), files responses by id, and keeps every
`textDocument/publishDiagnostics` by URI. Every wait has a timeout, so a test can fail but
never hang; `close()` always ends the server process (it is killed if it does not exit).

When diagnostics are final: yaml-language-server validates a document 200 ms after it is
opened or changed, and once more for every open document whenever its configuration is
(re)applied — a document opened before the configuration arrived can first get diagnostics
computed without the schema settings. So `start()` waits until the server says its
configuration is in place (`yaml/schema/store/initialized`, sent after the settings pulled
with `workspace/configuration` are applied, once the client has sent
`yaml/supportSchemaSelection` as VS Code does), and `diagnostics()` waits for the first
publication for the URI made after the document was opened, then until no further
publication for it has come for `settle` seconds, and returns the last one.
"""

from __future__ import annotations

import json
import os
import subprocess
import threading
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

DEFAULT_TIMEOUT = 20.0

# What VS Code's YAML extension would pull as the `yaml` section, with no schema associated by
# settings (`yaml.schemas` empty) and nothing fetched from the network: the modeline at the top
# of a document is what binds its schema.
YAML_SETTINGS: dict[str, Any] = {
    "validate": True,
    "hover": True,
    "completion": True,
    "schemas": {},
    "schemaStore": {"enable": False},
    "kubernetesCRDStore": {"enable": False},
    "format": {"enable": False},
    "disableAdditionalProperties": False,
    "yamlVersion": "1.2",
}


class LspError(RuntimeError):
    """The server answered a request with an error, or died, or did not answer in time."""


class LanguageServer:
    def __init__(self, command: Sequence[str], root: Path, settings: Mapping[str, Any] | None = None,
                 timeout: float = DEFAULT_TIMEOUT) -> None:
        self.command = list(command)
        self.root = root
        self.settings: dict[str, Any] = {"yaml": dict(YAML_SETTINGS if settings is None else settings),
                                         "http": {"proxy": "", "proxyStrictSSL": False},
                                         "[yaml]": {}, "editor": {}}
        self.timeout = timeout
        self.process: subprocess.Popen[bytes] | None = None
        self._next_id = 0
        self._write_lock = threading.Lock()
        self._cond = threading.Condition()
        self._responses: dict[int, dict[str, Any]] = {}
        self._published: dict[str, list[tuple[int, float, list[dict[str, Any]]]]] = {}
        self._publications = 0
        self._opened_at: dict[str, int] = {}
        self._versions: dict[str, int] = {}  # the last version each URI was opened at
        self._open: set[str] = set()
        self._notifications: list[dict[str, Any]] = []
        self._stderr: list[bytes] = []
        self._dead = False
        self.configuration_requests: list[list[dict[str, Any]]] = []

    # ---- process and framing -------------------------------------------------------------

    def start(self) -> dict[str, Any]:
        self.process = subprocess.Popen(self.command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, cwd=self.root, env={**os.environ, "NO_COLOR": "1"})
        threading.Thread(target=self._read_stdout, daemon=True).start()
        threading.Thread(target=self._read_stderr, daemon=True).start()
        capabilities = {
            "textDocument": {
                "synchronization": {"dynamicRegistration": False, "didSave": True},
                "hover": {"dynamicRegistration": False, "contentFormat": ["markdown", "plaintext"]},
                "completion": {"dynamicRegistration": False,
                               "completionItem": {"snippetSupport": True, "documentationFormat": ["markdown", "plaintext"],
                                                  "deprecatedSupport": True, "labelDetailsSupport": True},
                               "contextSupport": True},
                "publishDiagnostics": {"relatedInformation": True, "versionSupport": False,
                                       "codeDescriptionSupport": True, "dataSupport": True},
            },
            "workspace": {"configuration": True, "workspaceFolders": True,
                          "didChangeConfiguration": {"dynamicRegistration": False}},
        }
        result = self.request("initialize", {
            "processId": os.getpid(),
            "clientInfo": {"name": "sns-policy tests"},
            "locale": "en",
            "rootUri": self.root.as_uri(),
            "workspaceFolders": [{"uri": self.root.as_uri(), "name": self.root.name}],
            "capabilities": capabilities,
        })
        self.notify("initialized", {})
        # As VS Code's extension does: the server then tells when its settings are applied.
        self.notify("yaml/supportSchemaSelection", {})
        self.wait_for_notification("yaml/schema/store/initialized")
        return result

    def close(self) -> None:
        """Shut the server down politely, and kill it if it does not go within a few seconds."""
        process = self.process
        if process is None:
            return
        try:
            if process.poll() is None and not self._dead:
                try:
                    self.request("shutdown", None, timeout=3)
                    self.notify("exit", None)
                except (LspError, OSError):
                    pass
                try:
                    process.wait(timeout=3)
                except subprocess.TimeoutExpired:
                    pass
        finally:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=5)
            for stream in (process.stdin, process.stdout, process.stderr):
                if stream is not None:
                    try:
                        stream.close()
                    except OSError:
                        pass
            self.process = None

    def __enter__(self) -> LanguageServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def stderr(self) -> str:
        return b"".join(self._stderr).decode("utf-8", "replace")

    def _send(self, message: dict[str, Any]) -> None:
        assert self.process is not None and self.process.stdin is not None, "the server is not started"
        body = json.dumps({"jsonrpc": "2.0", **message}, ensure_ascii=False).encode("utf-8")
        with self._write_lock:
            self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            self.process.stdin.flush()

    def _read_stderr(self) -> None:
        assert self.process is not None and self.process.stderr is not None
        for line in iter(self.process.stderr.readline, b""):
            self._stderr.append(line)

    def _read_stdout(self) -> None:
        assert self.process is not None and self.process.stdout is not None
        stream = self.process.stdout
        try:
            while True:
                length = None
                while True:
                    line = stream.readline()
                    if not line:
                        return
                    line = line.strip()
                    if not line:
                        break
                    name, _, value = line.decode("ascii").partition(":")
                    if name.strip().lower() == "content-length":
                        length = int(value.strip())
                if length is None:
                    continue
                body = stream.read(length)
                if len(body) < length:
                    return
                self._dispatch(json.loads(body.decode("utf-8")))
        finally:
            with self._cond:
                self._dead = True
                self._cond.notify_all()

    def _dispatch(self, message: dict[str, Any]) -> None:
        if "id" in message and "method" in message:  # a request from the server
            self._answer(message)
            return
        with self._cond:
            if "id" in message:
                self._responses[message["id"]] = message
            elif message.get("method") == "textDocument/publishDiagnostics":
                params = message["params"]
                self._publications += 1
                self._published.setdefault(params["uri"], []).append(
                    (self._publications, time.monotonic(), params["diagnostics"]))
            else:
                self._notifications.append(message)
            self._cond.notify_all()

    def _answer(self, request: dict[str, Any]) -> None:
        result: Any = None
        if request["method"] == "workspace/configuration":
            items = request["params"]["items"]
            self.configuration_requests.append(items)
            result = [self.settings.get(item.get("section", ""), None) for item in items]
        elif request["method"] == "workspace/workspaceFolders":
            result = [{"uri": self.root.as_uri(), "name": self.root.name}]
        try:
            self._send({"id": request["id"], "result": result})
        except (OSError, ValueError):
            pass

    def _wait(self, ready: Any, timeout: float, what: str) -> None:
        deadline = time.monotonic() + timeout
        with self._cond:
            while not ready():
                if self._dead:
                    raise LspError(f"the server exited while waiting for {what}; its stderr:\n{self.stderr[-4000:]}")
                left = deadline - time.monotonic()
                if left <= 0:
                    raise LspError(f"no {what} within {timeout:g} s; the server's stderr:\n{self.stderr[-4000:]}")
                self._cond.wait(left)

    # ---- JSON-RPC ----------------------------------------------------------------------------

    def request(self, method: str, params: Any, timeout: float | None = None) -> Any:
        with self._cond:
            self._next_id += 1
            request_id = self._next_id
        self._send({"id": request_id, "method": method, "params": params})
        self._wait(lambda: request_id in self._responses, timeout or self.timeout, f"answer to {method}")
        with self._cond:
            response = self._responses.pop(request_id)
        if "error" in response:
            raise LspError(f"{method} failed: {response['error']}")
        return response.get("result")

    def notify(self, method: str, params: Any) -> None:
        self._send({"method": method, "params": params})

    def wait_for_notification(self, method: str, timeout: float | None = None) -> dict[str, Any]:
        found: list[dict[str, Any]] = []

        def ready() -> bool:
            found[:] = [m for m in self._notifications if m.get("method") == method]
            return bool(found)

        self._wait(ready, timeout or self.timeout, f"{method} notification")
        return found[0]

    # ---- documents --------------------------------------------------------------------------

    def open(self, path: Path, text: str | None = None) -> str:
        """didOpen the file at `path` (a real file, so that a relative `$schema=` resolves) with
        its text on disk, or `text`; a document already open is closed first. Returns its URI.

        The server caches a document's parse by URI and version, so a document opened again
        gets a version it has not had before (reopened at version 1 it would be checked as the
        text it had the first time)."""
        uri = path.resolve().as_uri()
        if uri in self._open:
            self.close_document(uri)
        version = self._versions[uri] = self._versions.get(uri, 0) + 1
        self._open.add(uri)
        with self._cond:
            self._opened_at[uri] = self._publications
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "yaml", "version": version,
            "text": path.read_text(encoding="utf-8") if text is None else text}})
        return uri

    def close_document(self, uri: str, timeout: float | None = None) -> None:
        """didClose, and wait for the empty diagnostics the server publishes for it."""
        if uri not in self._open:
            return
        self._open.discard(uri)
        with self._cond:
            before = self._publications
        self.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        self._wait(lambda: any(p[0] > before for p in self._published.get(uri, [])), timeout or self.timeout,
                   f"the diagnostics cleared on closing {uri}")

    def diagnostics(self, uri: str, timeout: float | None = None, settle: float = 0.15) -> list[dict[str, Any]]:
        """The diagnostics for `uri` once they are final: the first publication after the
        document was opened, then the last of any that follow it with less than `settle`
        seconds between them."""
        opened_at = self._opened_at.get(uri, 0)

        def since_open() -> list[tuple[int, float, list[dict[str, Any]]]]:
            return [p for p in self._published.get(uri, []) if p[0] > opened_at]

        self._wait(lambda: bool(since_open()), timeout or self.timeout, f"diagnostics for {uri}")
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            with self._cond:
                last = since_open()[-1]
            quiet_for = time.monotonic() - last[1]
            if quiet_for >= settle or time.monotonic() >= deadline:
                return last[2]
            time.sleep(settle - quiet_for)

    def hover(self, uri: str, line: int, character: int) -> str | None:
        """The hover's text at a 0-based position (markdown), or None if there is none."""
        result = self.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                     "position": {"line": line, "character": character}})
        if not result:
            return None
        contents = result["contents"]
        if isinstance(contents, dict):
            return str(contents.get("value", ""))
        if isinstance(contents, list):
            return "\n\n".join(c if isinstance(c, str) else c.get("value", "") for c in contents)
        return str(contents)

    def completion(self, uri: str, line: int, character: int) -> list[dict[str, Any]]:
        """The completion items offered at a 0-based position."""
        result = self.request("textDocument/completion", {"textDocument": {"uri": uri},
                                                          "position": {"line": line, "character": character},
                                                          "context": {"triggerKind": 1}})
        if result is None:
            return []
        return list(result["items"] if isinstance(result, dict) else result)


def documentation(item: Mapping[str, Any]) -> str:
    """A completion item's documentation and detail, as one text."""
    doc = item.get("documentation") or ""
    if isinstance(doc, dict):
        doc = doc.get("value", "")
    return "\n".join(t for t in (str(item.get("detail") or ""), str(doc)) if t)
