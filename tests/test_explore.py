"""/explore, the page for people: server-rendered HTML that loads nothing from elsewhere, takes the same filters
as /positions, and refuses bad ones with a readable page instead of a 5xx. The browser tests (test_browser_*)
drive Debian's chromium through chromedriver and save screenshots under tests/artifacts/explore/."""
from __future__ import annotations

import html
import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts" / "explore"
CHROMIUM, CHROMEDRIVER = shutil.which("chromium") or "/usr/bin/chromium", shutil.which("chromedriver")


class Assets(HTMLParser):
    """Every URL a page loads by itself (stylesheets, images, scripts), and its inline scripts and styles."""

    def __init__(self):
        super().__init__()
        self.loaded, self.inline = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "stylesheet" or tag in ("img", "script", "iframe"):
            self.loaded.append(attrs.get("href") or attrs.get("src"))
        if tag in ("script", "style") or "style" in attrs or any(name.startswith("on") for name in attrs):
            self.inline.append(tag)


def assets(html: str) -> Assets:
    parser = Assets()
    parser.feed(html)
    return parser


@pytest.mark.parametrize("url", ["/explore", "/explore?q=dam%20phan", "/explore?actor=NATO&kind=demand&page=1"])
def test_the_page_loads_only_its_own_assets(client, url):
    response = client.get(url)
    assert response.status_code == 200 and response.mimetype == "text/html"
    page = assets(response.get_data(as_text=True))
    assert page.loaded and not page.inline
    for asset in page.loaded:
        assert asset.startswith("/") and not asset.startswith("//"), asset  # same origin: no CDN
        assert client.get(asset).status_code == 200, asset
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "script-src" not in policy and "form-action 'self'" in policy


def test_search_results_mark_what_matched(client):
    page = client.get("/explore?q=dam%20phan").get_data(as_text=True)
    marks = re.findall(r"<mark>([^<]*)</mark>", page)
    assert marks and {m.lower() for m in marks} == {"đàm phán"}
    api = client.get("/positions?q=dam%20phan&per_page=20").get_json()
    assert re.findall(r"/explore/positions/([0-9a-f]{16})", page)[:3] == [p["id"] for p in api["items"]][:3]


def test_filters_narrow_like_the_api(client):
    page = client.get("/explore?actor=Nga&kind=demand").get_data(as_text=True)
    api = client.get("/positions?actor=Nga&kind=demand&per_page=20").get_json()
    assert f">{api['total']} position" in page
    assert re.findall(r"/explore/positions/([0-9a-f]{16})", page) == [p["id"] for p in api["items"]]


def test_empty_form_fields_are_dropped_by_one_redirect(client):
    response = client.get("/explore?q=nato&actor=&kind=&since=")
    assert response.status_code == 302 and response.headers["Location"] == "/explore?q=nato"


@pytest.mark.parametrize("query, needle", [
    ("actor=XYZ", "Unknown actor 'XYZ'"), ("kind=opinion", "kind"), ("since=2022-02-30", "since"),
    ("page=999", "out of range"), ("bogus=1", "bogus"), ("q=%CC%81%20", "q"),
    ("since=2022-02-01&until=2022-01-01", "since"), ("page=1&page=2", "page"),
])
def test_bad_filters_get_a_readable_page(client, query, needle):
    response = client.get(f"/explore?{query}")
    assert response.status_code == 400 and response.mimetype == "text/html"
    assert needle in html.unescape(response.get_data(as_text=True))


def test_a_position_shows_its_evidence_in_the_article(client):
    position = client.get("/positions?per_page=1&has_quote=true").get_json()["items"][0]
    page = client.get(f"/explore/positions/{position['id']}").get_data(as_text=True)
    source = client.get(f"/sources/{position['source']['id']}").get_json()
    evidence = re.search(r'<mark id="evidence">(.*?)</mark>', page, re.DOTALL).group(1)
    assert html.unescape(evidence) == source["text"][position["start"]:position["end"]] == position["text"]
    assert position["summary"] in html.unescape(page)
    assert client.get("/explore/positions/0000000000000000").status_code == 404
    assert client.get("/explore/positions/<script>").status_code == 404


# a real browser -----------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not (CHROMEDRIVER and Path(CHROMIUM).exists()):
        message = "chromium and chromedriver are needed (apt-get install chromium chromium-driver)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1280,1100",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(60)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    try:
        yield driver
    finally:
        driver.quit()


def navigate(driver, element) -> None:
    """Click a link or button and wait until the next page has replaced this one (a click does not wait)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    page = driver.find_element(By.TAG_NAME, "html")
    element.click()
    WebDriverWait(driver, 30).until(lambda d: _replaced(expected_conditions.staleness_of(page), d))
    WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")


def _replaced(stale, driver) -> bool:
    """The old page is gone. While the new one loads, chromedriver may answer for the old node "Node with given
    id does not belong to the document" instead of a stale-element error: gone as well."""
    from selenium.common.exceptions import WebDriverException

    try:
        return stale(driver)
    except WebDriverException as error:
        if "does not belong to the document" in str(error):
            return True
        raise


def shoot(driver, name: str) -> Path:
    path = ARTIFACTS / f"{name}.png"
    driver.save_screenshot(str(path))
    assert path.stat().st_size > 5000, path  # a rendered page, not an empty canvas
    return path


def test_browser_searches_filters_and_opens_a_position(browser, server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    driver = browser
    driver.get(server.url + "/explore")
    total = int(driver.find_element(By.ID, "total").text.split()[0])
    assert total == requests.get(server.url + "/positions", timeout=30).json()["total"]
    assert len(driver.find_elements(By.CSS_SELECTOR, "#positions > li.position")) == 20
    shoot(driver, "01-explore")

    # search as a person types: without diacritics
    driver.find_element(By.ID, "q").send_keys("dam phan")
    navigate(driver, driver.find_element(By.ID, "search"))
    assert parse_qs(urlsplit(driver.current_url).query) == {"q": ["dam phan"]}  # the empty fields dropped
    marks = [m.text for m in driver.find_elements(By.CSS_SELECTOR, "#positions mark")]
    assert marks and {m.lower() for m in marks} == {"đàm phán"}
    shoot(driver, "02-search-dam-phan")

    # filter: a party from the form's list
    Select(driver.find_element(By.ID, "actor")).select_by_value("NATO")
    navigate(driver, driver.find_element(By.ID, "search"))
    query = parse_qs(urlsplit(driver.current_url).query)
    assert query == {"q": ["dam phan"], "actor": ["NATO"]}
    expected = requests.get(server.url + "/positions", params={"q": "dam phan", "actor": "NATO"}, timeout=30).json()
    items = driver.find_elements(By.CSS_SELECTOR, "#positions > li.position")
    assert len(items) == expected["total"] > 0
    assert all(" · NATO" in item.find_element(By.CSS_SELECTOR, ".meta").text for item in items)
    shoot(driver, "03-filter-nato")

    # open the first position: the evidence is marked in the article, scrolled into view
    first = expected["items"][0]
    navigate(driver, driver.find_element(By.CSS_SELECTOR, "#positions > li.position a.summary"))
    assert urlsplit(driver.current_url).path == f"/explore/positions/{first['id']}"
    evidence = driver.find_element(By.ID, "evidence")
    assert evidence.text.split() == first["text"].split()
    assert evidence.value_of_css_property("background-color") != "rgba(0, 0, 0, 0)"  # the stylesheet applied
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", evidence)
    assert driver.find_element(By.ID, "summary").text == first["summary"]
    shoot(driver, "04-position-evidence")
    navigate(driver, driver.find_element(By.ID, "back"))
    assert parse_qs(urlsplit(driver.current_url).query) == {"q": ["dam phan"], "actor": ["NATO"]}


def test_browser_narrows_by_a_facet_and_shows_the_timeline(browser, server):
    from selenium.webdriver.common.by import By

    browser.get(server.url + "/explore")
    chart = browser.find_element(By.ID, "timeline")
    assert browser.execute_script("return arguments[0].complete && arguments[0].naturalWidth", chart) > 0
    demand = browser.find_element(By.CSS_SELECTOR, "section.facet[data-facet=kind] a[href*='kind=demand']")
    count = int(demand.find_element(By.XPATH, "..").find_element(By.CSS_SELECTOR, ".count").text)
    navigate(browser, demand)
    assert parse_qs(urlsplit(browser.current_url).query) == {"kind": ["demand"]}
    assert int(browser.find_element(By.ID, "total").text.split()[0]) == count > 0
    kinds = {k.text for k in browser.find_elements(By.CSS_SELECTOR, "#positions .meta .kind")}
    assert kinds == {"demand"}
    chosen = browser.find_element(By.CSS_SELECTOR, "section.facet[data-facet=kind] li.chosen").text
    assert chosen.startswith("demand")
    shoot(browser, "05-facet-kind-demand")


def test_browser_shows_a_claims_other_outlets(browser, server, api_key):
    """An article restating a seeded one, from another outlet: its positions join the seeded ones' claims."""
    from selenium.webdriver.common.by import By

    seeded = sorted((ROOT / "seeds").glob("*.txt"))[1].read_text(encoding="utf-8")
    headers = {"Authorization": f"Bearer {api_key}"}
    created = requests.post(server.url + "/articles", headers=headers, timeout=120, json={
        "text": seeded + "\n\nBài viết được đăng lại từ một báo khác.", "outlet": "Báo Đăng Lại"})
    assert created.status_code == 201, created.text
    source = created.json()
    try:
        shared = [p for p in (requests.get(f"{server.url}/positions/{p['id']}", timeout=30).json()
                              for p in source["positions"]) if p["claim"] and p["claim"] != p["id"]]
        assert shared, "a restated article joins the claims of the one it restates"
        position = shared[0]
        browser.get(f"{server.url}/explore/positions/{position['id']}")
        summary = browser.find_element(By.ID, "claim-summary").text
        assert "Báo Đăng Lại" in summary and "2 outlets" in summary
        others = browser.find_elements(By.CSS_SELECTOR, "#appearances a")
        assert others and all(a.text != "Báo Đăng Lại" for a in others)
        shoot(browser, "06-claim-other-outlets")
        navigate(browser, others[0])
        first = browser.find_element(By.ID, "position").get_attribute("data-id")
        assert first == position["claim"] or first in {a["id"] for a in requests.get(
            f"{server.url}/claims/{position['claim']}", timeout=30).json()["appearances"]["items"]}
        assert "Báo Đăng Lại" in browser.find_element(By.ID, "claim-summary").text
    finally:
        assert requests.delete(f"{server.url}/sources/{source['id']}", headers=headers, timeout=60).status_code == 204


def test_browser_shows_a_readable_error(browser, server):
    from selenium.webdriver.common.by import By

    browser.get(server.url + "/explore?actor=XYZ")
    assert "Unknown actor 'XYZ'" in browser.find_element(By.ID, "error").text
    shoot(browser, "07-error")


def test_what_a_user_typed_is_escaped(client):
    page = client.get("/explore?q=%3Cscript%3Ealert(1)%3C/script%3E%20nato").get_data(as_text=True)
    assert "<script" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    missing = client.get("/explore/positions/%3Cb%3Ex")
    assert missing.status_code == 404 and "<b>" not in missing.get_data(as_text=True)
    first = client.get("/positions?per_page=1").get_json()["items"][0]["id"]
    elsewhere = client.get(f"/explore/positions/{first}?back=https://evil.example/").get_data(as_text=True)
    assert "evil.example" not in elsewhere  # the back link only ever leads to /explore


def test_a_month_facet_narrows_to_its_month_and_exports_keep_the_filter(client):
    page = html.unescape(client.get("/explore?actor=NATO").get_data(as_text=True))
    months = re.findall(r'href="(/explore\?actor=NATO&since=(\d{4}-\d{2})-01&until=\2-\d{2})"', page)
    assert months
    narrowed, month = months[0]
    expected = client.get(f"/positions?actor=NATO&since={month}-01&until={narrowed[-10:]}").get_json()["total"]
    assert f">{expected} position" in client.get(narrowed).get_data(as_text=True)
    for name, media_type in (("atom", "application/atom+xml"), ("csv", "text/csv"), ("json", "application/json")):
        url = re.search(rf'href="(/positions\?actor=NATO&format={name})"', page).group(1)
        assert client.get(url).mimetype == media_type
