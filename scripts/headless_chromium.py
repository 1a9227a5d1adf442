"""Headless Chromium driven over the DevTools protocol on a pipe (--remote-debugging-pipe): no websocket, no npm.

Used by scripts/screenshot_report.py and the browser tests. The page is opened with the network off (Chromium's
background services disabled, requests to anything but file: and data: recorded and offline emulated), and what
the page logged as errors is collected.
"""
from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--no-default-browser-check",
         "--disable-extensions", "--hide-scrollbars", "--mute-audio", "--remote-debugging-pipe")
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "chrome")


def find_chromium() -> str | None:
    """Return the path of a Chromium executable on PATH, or None."""
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def _high(fd: int) -> int:
    """Return a copy of fd numbered 10 or more, closing the original."""
    import fcntl

    copy = fcntl.fcntl(fd, fcntl.F_DUPFD, 10)
    os.close(fd)
    return copy


class Browser:
    """One headless Chromium with a fresh profile; use as a context manager."""

    def __init__(self, executable: str | None = None, timeout: float = 60.0):
        self.executable = executable or find_chromium()
        if not self.executable:
            raise RuntimeError("no chromium on PATH (Debian: apt-get install chromium)")
        self.timeout = timeout
        self._next_id = 0
        self._buffer = b""
        self._events: list[dict] = []

    def __enter__(self) -> Browser:
        self._profile = tempfile.mkdtemp(prefix="troopclaims-chromium-")
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()
        # Moved above fd 4 first, so that putting them on 3 and 4 below never closes one of them.
        to_browser_r, from_browser_w = (_high(fd) for fd in (to_browser_r, from_browser_w))
        # Chromium reads commands on fd 3 and writes replies on fd 4: bash (dash takes no fd above 9) puts them there.
        script = f'exec "$0" "$@" 3<&{to_browser_r} 4>&{from_browser_w} {to_browser_r}<&- {from_browser_w}>&-'
        self._process = subprocess.Popen(
            ["bash", "-c", script, self.executable, *FLAGS, f"--user-data-dir={self._profile}", "about:blank"],
            pass_fds=(to_browser_r, from_browser_w), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE)
        os.close(to_browser_r)
        os.close(from_browser_w)
        return self

    def __exit__(self, *exc) -> None:
        try:
            self.send("Browser.close")
        except Exception:
            pass
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        for fd in (self._to_browser, self._from_browser):
            try:
                os.close(fd)
            except OSError:
                pass
        if self._process.stderr:
            self._process.stderr.close()
        shutil.rmtree(self._profile, ignore_errors=True)

    # --- the protocol ------------------------------------------------------------------------------------------

    def send(self, method: str, session: str | None = None, **params) -> dict:
        """Send one command and return its result (events that arrive meanwhile are kept)."""
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._receive()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error'].get('message')}")
                return reply.get("result", {})
            self._events.append(reply)

    def wait_for(self, method: str) -> dict:
        """Return the first event of that method (one already received, or the next to come)."""
        for event in self._events:
            if event.get("method") == method:
                self._events.remove(event)
                return event
        while True:
            event = self._receive()
            if event.get("method") == method:
                return event
            self._events.append(event)

    def _receive(self) -> dict:
        deadline = time.monotonic() + self.timeout
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._from_browser], [], [], left)[0]:
                raise TimeoutError("chromium did not answer in time")
            chunk = os.read(self._from_browser, 1 << 16)
            if not chunk:
                self._process.wait(timeout=10)
                said = self._process.stderr.read().decode(errors="replace") if self._process.stderr else ""
                raise RuntimeError(f"chromium exited ({self._process.returncode}): {said.strip()[-600:]}")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    # --- pages -------------------------------------------------------------------------------------------------

    def open(self, path: Path, width: int = 1280, height: int = 900, scripts: bool = True) -> Page:
        """Open a local file offline (its scripts off, if so asked) and return the page once it has loaded."""
        target = self.send("Target.createTarget", url="about:blank")["targetId"]
        session = self.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(f"{domain}.enable", session)
        self.send("Network.emulateNetworkConditions", session, offline=True, latency=0, downloadThroughput=-1,
                  uploadThroughput=-1)
        self.send("Emulation.setDeviceMetricsOverride", session, width=width, height=height, deviceScaleFactor=1,
                  mobile=False)
        if not scripts:
            self.send("Emulation.setScriptExecutionDisabled", session, value=True)
        self.send("Page.navigate", session, url=Path(path).resolve().as_uri())
        self.wait_for("Page.loadEventFired")
        return Page(self, session)


class Page:
    """A loaded page: evaluate script in it, read what it logged, take a screenshot."""

    def __init__(self, browser: Browser, session: str):
        self.browser, self.session = browser, session

    def evaluate(self, expression: str):
        """Return the JSON value of a script expression evaluated in the page."""
        result = self.browser.send("Runtime.evaluate", self.session, expression=expression, returnByValue=True,
                                   awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"script failed: {result['exceptionDetails'].get('text')}")
        return result["result"].get("value")

    def errors(self) -> list[str]:
        """Return the errors the page logged: console errors, uncaught exceptions, failed loads."""
        self.evaluate("0")     # lets events already sent arrive
        found = []
        for event in self.browser._events:
            if event.get("sessionId") != self.session:
                continue
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                found.append(" ".join(str(arg.get("value", arg.get("description", ""))) for arg in params["args"]))
            elif method == "Runtime.exceptionThrown":
                details = params["exceptionDetails"]
                found.append(details.get("exception", {}).get("description") or details.get("text", ""))
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                found.append(params["entry"].get("text", ""))
        return found

    def requests(self) -> list[str]:
        """Return the URLs of every request the page made."""
        return [event["params"]["request"]["url"] for event in self.browser._events
                if event.get("sessionId") == self.session and event.get("method") == "Network.requestWillBeSent"]

    def screenshot(self, path: Path, width: int = 1280, height: int | None = None) -> None:
        """Write a PNG of the page at that width: its whole height, or the first `height` pixels."""
        full = self.evaluate("Math.ceil(document.documentElement.scrollHeight)")
        height = min(height or full, full)
        self.browser.send("Emulation.setDeviceMetricsOverride", self.session, width=width, height=height,
                          deviceScaleFactor=1, mobile=False)
        data = self.browser.send("Page.captureScreenshot", self.session, format="png",
                                 clip={"x": 0, "y": 0, "width": width, "height": height, "scale": 1})["data"]
        import base64
        Path(path).write_bytes(base64.b64decode(data))
