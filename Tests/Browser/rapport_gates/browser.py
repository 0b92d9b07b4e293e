"""Headless Chromium through Selenium and Debian's chromium-driver, set up once per test session.

Why these settings:
- Debian's chromium + chromium-driver are used by path, so Selenium Manager never tries to download a
  browser or driver (there is no network for that here).
- --no-sandbox: Chromium refuses to start as root with its sandbox (root is the normal user here and in CI).
- --disable-dev-shm-usage: containers often have a tiny /dev/shm; Chromium then crashes under load.
- --host-resolver-rules: every host name but 127.0.0.1 fails to resolve at once, so an external
  request can never leave the machine or hang; it still shows in the network log and fails a gate.
- --force-prefers-reduced-motion: no smooth scrolling or transitions racing the checks.
- the DevTools performance log is on and the cache off, so each page load's requests and transferred
  bytes can be read exactly (the budgets and zero-external-requests gates).
"""
from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

WINDOW = (1280, 900)


def _find(env: str, *names: str) -> str:
    found = os.environ.get(env) or next((p for n in names if (p := shutil.which(n))), None)
    if not found:
        raise RuntimeError(f"{names[0]} not found – run scripts/setup-browser-tools (or set {env})")
    return found


def make_driver() -> WebDriver:
    options = webdriver.ChromeOptions()
    options.binary_location = _find("RAPPORT_CHROMIUM", "chromium", "chromium-browser")
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                f"--window-size={WINDOW[0]},{WINDOW[1]}", "--lang=da-DK", "--no-first-run",
                "--disable-extensions", "--disable-background-networking", "--disable-component-update",
                "--force-prefers-reduced-motion",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    service = Service(executable_path=_find("RAPPORT_CHROMEDRIVER", "chromedriver"))
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    return driver


def open_page(driver: WebDriver, url: str) -> None:
    """Load `url` and wait until it has loaded; the network log then holds this page's requests only."""
    driver.get_log("performance")  # drain what earlier pages left
    driver.get(url)
    WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")


@dataclass
class Request:
    """One network request made while loading a page."""

    url: str
    resource_type: str
    status: int | None = None
    bytes: int = 0  # bytes on the wire (headers + encoded body), from Network.loadingFinished
    error: str | None = None


def page_requests(driver: WebDriver) -> list[Request]:
    """The requests made since the last open_page(), from the DevTools performance log."""
    requests: dict[str, Request] = {}
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        method, params = message.get("method"), message.get("params", {})
        rid = params.get("requestId")
        if method == "Network.requestWillBeSent":
            url = params["request"]["url"]
            if not url.startswith(("data:", "blob:")):
                requests[rid] = Request(url, params.get("type", "Other"))
        elif rid not in requests:
            continue
        elif method == "Network.responseReceived":
            requests[rid].status = params["response"].get("status")
        elif method == "Network.loadingFinished":
            requests[rid].bytes = int(params.get("encodedDataLength", 0))
        elif method == "Network.loadingFailed":
            requests[rid].error = params.get("errorText", "failed")
    return list(requests.values())
