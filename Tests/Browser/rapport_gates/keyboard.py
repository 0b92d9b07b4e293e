"""Keyboard gate: a person using Tab reaches the skip link first, always sees where focus is, moves
through the page in reading (DOM) order, and can reach every filter control on the project overview.

This is WCAG 2.4.1 (bypass blocks), 2.4.3 (focus order), 2.4.7 (focus visible) and 2.1.1 (keyboard),
which axe can only partly check: they need real Tab presses in a real browser.
"""
from __future__ import annotations

from dataclasses import dataclass

from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from .browser import open_page
from .pages import Problem

MAX_STOPS = 400
MARK = "data-rapport-tab-stop"

# Describes document.activeElement, and whether its focus style differs from its unfocused style.
INSPECT_FOCUS = """
const el = document.activeElement;
if (!el || el === document.body || el === document.documentElement) return null;
const keys = ['outlineStyle', 'outlineWidth', 'outlineColor', 'boxShadow', 'backgroundColor', 'color',
              'borderTopColor', 'borderBottomColor', 'borderBottomWidth', 'textDecorationLine', 'textDecorationThickness'];
const pick = () => { const cs = getComputedStyle(el); return Object.fromEntries(keys.map(k => [k, cs[k]])); };
const n = Number(arguments[0]);
const prev = document.querySelector('[' + arguments[1] + '="' + (n - 1) + '"]');
const seen = el.hasAttribute(arguments[1]);
const r = el.getBoundingClientRect(), cs = getComputedStyle(el);
// On the page's canvas (document coordinates: smooth scrolling may still be moving it into view),
// not parked off-screen, clipped to a pixel, hidden or transparent.
const docW = document.documentElement.scrollWidth, docH = document.documentElement.scrollHeight;
const visible = r.width > 1 && r.height > 1 && cs.visibility !== 'hidden' && Number(cs.opacity) > 0
  && r.bottom + scrollY > 0 && r.right + scrollX > 0 && r.top + scrollY < docH && r.left + scrollX < docW;
const focused = pick();
el.blur();
const plain = pick();
el.focus();
const changed = keys.filter(k => focused[k] !== plain[k]);
const outline = focused.outlineStyle !== 'none' && parseFloat(focused.outlineWidth) > 0
  && !/rgba\\(.*,\\s*0\\)$|transparent/.test(focused.outlineColor);
if (!seen) el.setAttribute(arguments[1], String(n));
const label = (el.getAttribute('aria-label') || el.innerText || el.value || el.getAttribute('title') || '').trim();
return {
  seen, visible, changed, outline, stillFocused: document.activeElement === el,
  follows: !prev || !!(prev.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING),
  isSkipLink: el.tagName === 'A' && (el.getAttribute('href') || '').startsWith('#')
    && !!document.getElementById(decodeURIComponent(el.getAttribute('href').slice(1))),
  desc: el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.getAttribute('href') ? '[href="' +
    el.getAttribute('href') + '"]' : '') + (label ? ' "' + label.slice(0, 50).replace(/\\s+/g, ' ') + '"' : ''),
};
"""


# Whether the focused element is on the canvas now (the same test as `visible` above).
FOCUSED_IS_VISIBLE = """
const el = document.activeElement;
if (!el) return false;
const r = el.getBoundingClientRect(), cs = getComputedStyle(el);
const docW = document.documentElement.scrollWidth, docH = document.documentElement.scrollHeight;
return r.width > 1 && r.height > 1 && cs.visibility !== 'hidden' && Number(cs.opacity) > 0
  && r.bottom + scrollY > 0 && r.right + scrollX > 0 && r.top + scrollY < docH && r.left + scrollX < docW;
"""


@dataclass
class Stop:
    """One place Tab moved focus to."""

    desc: str
    visible: bool
    indicator: bool
    follows: bool
    is_skip_link: bool


def tab_through(driver: WebDriver, url: str) -> tuple[list[Stop], list[str]]:
    """Press Tab from the top of the page until focus leaves the document or comes round again.
    Returns the stops and any trouble met on the way (focus stuck, too many stops)."""
    open_page(driver, url)
    driver.execute_script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);")
    stops: list[Stop] = []
    trouble: list[str] = []
    previous = None
    for n in range(MAX_STOPS):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        try:
            WebDriverWait(driver, 5).until(lambda d: d.execute_script("return document.activeElement") != previous)
        except TimeoutException:
            trouble.append(f"focus did not move on from {stops[-1].desc if stops else 'the top of the page'}")
            break
        info = driver.execute_script(INSPECT_FOCUS, n, MARK)
        if info is None or info["seen"]:
            break  # focus left the page (to the browser) or came round to the first stop again
        if not info["stillFocused"]:
            trouble.append(f"{info['desc']} could not be focused again after a blur")
            break
        previous = driver.execute_script("return document.activeElement")
        visible = info["visible"]
        if not visible:
            # The :focus style (the skip link slides in) once landed after the measurement on a
            # busy machine: wait for the condition, briefly, before calling the stop invisible.
            try:
                WebDriverWait(driver, 2).until(lambda d: d.execute_script(FOCUSED_IS_VISIBLE))
                visible = True
            except TimeoutException:
                pass
        stops.append(Stop(info["desc"], visible, info["outline"] or bool(info["changed"]),
                          info["follows"], info["isSkipLink"]))
    else:
        trouble.append(f"more than {MAX_STOPS} Tab stops – stopped walking")
    return stops, trouble


def check_tab_order(driver: WebDriver, url: str, where: str) -> list[Problem]:
    """Skip link first; every stop visible with a visible focus indicator; DOM order."""
    stops, trouble = tab_through(driver, url)
    problems = [Problem(where, t) for t in trouble]
    if not stops:
        return problems + [Problem(where, "Tab never focused anything")]
    if not stops[0].is_skip_link:
        problems.append(Problem(where, f"first Tab stop is {stops[0].desc}, expected a skip link "
                                       "(<a href=\"#main-id\">) to an element that exists"))
    for i, stop in enumerate(stops, 1):
        if not stop.visible:
            problems.append(Problem(where, f"Tab stop {i} {stop.desc} is not visible when focused"))
        if not stop.indicator:
            problems.append(Problem(where, f"Tab stop {i} {stop.desc} shows no focus indicator "
                                           "(no outline, and its style does not change on focus)"))
        if not stop.follows:
            problems.append(Problem(where, f"Tab stop {i} {stop.desc} comes before the previous stop in "
                                           "the document: focus order does not follow reading order"))
    return problems


# Visible, enabled form controls; radios count once per group, like Tab treats them.
UNREACHED_CONTROLS = """
const controls = [...document.querySelectorAll('main input:not([type=hidden]), main select, main textarea, main button')]
  .filter(el => !el.disabled && el.getClientRects().length > 0);
const reached = el => el.hasAttribute(arguments[0]) || (el.type === 'radio' && el.name &&
  [...document.getElementsByName(el.name)].some(r => r.hasAttribute(arguments[0])));
return {count: controls.length, unreached: controls.filter(el => !reached(el)).map(el =>
  el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.name ? '[name=' + el.name + ']' : ''))};
"""


def check_controls_reachable(driver: WebDriver, url: str, where: str) -> list[Problem]:
    """Every visible form control in <main> (the overview's filters) is reached by Tab."""
    stops, trouble = tab_through(driver, url)
    problems = [Problem(where, t) for t in trouble]
    result = driver.execute_script(UNREACHED_CONTROLS, MARK)
    if result["count"] == 0:
        problems.append(Problem(where, "no filter controls (input/select/button in <main>) found"))
    problems += [Problem(where, f"filter control {c} is not reachable with Tab") for c in result["unreached"]]
    return problems
