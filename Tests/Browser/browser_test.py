#!/usr/bin/env python3
"""The web app tested as a person uses it, in headless Chromium (Selenium).

Starts `cancu serve` on a free loopback port over an index of the project's corpus/ (plus a
document carrying a script), then: searches a procedure, follows its link, follows a link to a
document, checks the annotated text and the status colours, submits a text for review, and checks
that scripts in a document or a submitted text never run. Saves a screenshot of each page to
SCREENSHOTS (default .build/browser-screenshots). Prints "N passed, M failed"; exits 1 on a
failure. Without chromium or selenium it says SKIPPED and exits 0 (CI installs both).

    python3 Tests/Browser/browser_test.py [--cancu .build/debug/cancu] [--screenshots DIR]
"""
import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
AS_OF = "2026-01-01"
XSS_DOCUMENT = (
    "ỦY BAN NHÂN DÂN\nTỈNH BẮC KẠN\nSố: 77/2026/QĐ-UBND\nBắc Kạn, ngày 02 tháng 3 năm 2026\n\n"
    "QUYẾT ĐỊNH\nVề việc thử <script>window.__xss = 1; alert('xss')</script>\n\n"
    "Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018 của Chính phủ;\n"
    "<img src=x onerror=\"window.__xss = 2\"> \"trích\" & 'nháy'\n"
)
# The colours of the citation statuses (Sources/CanCuViews/HTML/HTMLPage.swift).
COLOURS = {"outdated": "rgb(164, 14, 38)", "in-force": "rgb(17, 99, 41)", "amended": "rgb(125, 78, 0)",
           "unknown": "rgb(66, 74, 83)"}


class Run:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, condition, what):
        if condition:
            self.passed += 1
            print(f"  ok   {what}")
        else:
            self.failed += 1
            print(f"  FAIL {what}")


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return True
        except OSError:
            time.sleep(0.2)
    return False


def chromium_binary():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cancu", default=os.path.join(ROOT, ".build/debug/cancu"))
    parser.add_argument("--screenshots", default=os.path.join(ROOT, ".build/browser-screenshots"))
    args = parser.parse_args()

    browser = chromium_binary()
    driver_path = shutil.which("chromedriver")
    try:
        from selenium import webdriver
        from selenium.webdriver.common.by import By
        from selenium.common.exceptions import NoAlertPresentException
    except ImportError:
        webdriver = None
    if not browser or not driver_path or webdriver is None:
        print("SKIPPED: browser test needs chromium, chromium-driver (apt) and selenium (pip); .ci/run installs them")
        return 0
    if not os.access(args.cancu, os.X_OK):
        print(f"browser test: no cancu executable at {args.cancu} (swift build first)")
        return 1

    os.makedirs(args.screenshots, exist_ok=True)
    work = tempfile.mkdtemp(prefix="cancu-browser-")
    server = None
    driver = None
    run = Run()
    try:
        documents = os.path.join(work, "docs")
        shutil.copytree(os.path.join(ROOT, "corpus"), documents, ignore=shutil.ignore_patterns("README.md"))
        with open(os.path.join(documents, "xss.txt"), "w", encoding="utf-8") as f:
            f.write(XSS_DOCUMENT)
        db = os.path.join(work, "cancu.sqlite")
        subprocess.run([args.cancu, "index", documents, "--db", db], check=True, capture_output=True)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([args.cancu, "serve", "--db", db, "--port", str(port), "--as-of", AS_OF],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if not wait_for(base + "/"):
            print("browser test: cancu serve did not answer")
            return 1

        options = webdriver.ChromeOptions()
        options.binary_location = browser
        for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1600",
                     "--lang=vi"):
            options.add_argument(flag)
        driver = webdriver.Chrome(service=webdriver.ChromeService(executable_path=driver_path), options=options)
        # A page submitted by a click may still be loading when the next check looks for it.
        driver.implicitly_wait(5)
        driver.set_page_load_timeout(30)

        def shot(name):
            driver.save_screenshot(os.path.join(args.screenshots, name + ".png"))

        def no_alert():
            try:
                driver.switch_to.alert
                return False
            except NoAlertPresentException:
                return True

        def colour(selector):
            elements = driver.find_elements(By.CSS_SELECTOR, selector)
            if not elements:
                return None
            value = elements[0].value_of_css_property("color")  # "rgba(164, 14, 38, 1)"
            return value.replace("rgba(", "rgb(").replace(", 1)", ")")

        print("search")
        driver.get(base + "/")
        box = driver.find_element(By.NAME, "q")
        box.send_keys("dang ky khai sinh")
        box.submit()
        run.check("Đăng ký khai sinh" in driver.page_source, "searching 'dang ky khai sinh' finds the procedure")
        shot("search")
        driver.find_element(By.PARTIAL_LINK_TEXT, "1.001193").click()

        print("procedure page")
        run.check(driver.find_element(By.TAG_NAME, "h1").text.startswith("Thủ tục 1.001193"), "the link leads to the procedure page")
        badge = driver.find_elements(By.CSS_SELECTOR, "table.basis [data-status=outdated]")
        run.check(len(badge) >= 1, "its outdated basis document is marked outdated")
        run.check(colour("table.basis .st-outdated") == COLOURS["outdated"], "outdated is shown in red")
        run.check(colour("table.basis .st-in-force") == COLOURS["in-force"], "in force is shown in green")
        shot("procedure")
        driver.find_element(By.CSS_SELECTOR, "table.basis a[href*='61%2F2018']").click()

        print("document page (cited)")
        run.check("61/2018/NĐ-CP" in driver.find_element(By.TAG_NAME, "h1").text, "the basis link leads to the document page")
        run.check("Thủ tục hành chính có căn cứ là văn bản này" in driver.page_source, "it lists the procedures it governs")
        shot("document-cited")
        driver.find_element(By.CSS_SELECTOR, "a[href*='999%2F2026']").click()

        print("document page (indexed, annotated)")
        run.check("999/2026/NĐ-CP" in driver.find_element(By.TAG_NAME, "h1").text, "a citing document's link leads to its page")
        cites = driver.find_elements(By.CSS_SELECTOR, ".doc a.cite")
        run.check(len(cites) >= 10, f"its full text has its citations as links ({len(cites)})")
        run.check(colour(".doc a.st-outdated") == COLOURS["outdated"], "an outdated citation in the text is red")
        run.check(colour(".doc .st-unknown") == COLOURS["unknown"], "an unknown citation in the text is grey")
        graph = driver.find_elements(By.CSS_SELECTOR, "figure.graph img, ul.graph-list")
        run.check(len(graph) == 1, "its neighbourhood is drawn or listed")
        shot("document")

        print("review")
        driver.get(base + "/kiem-tra")
        area = driver.find_element(By.NAME, "text")
        area.send_keys("Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018 của Chính phủ;\n"
                       "<script>window.__xss = 3</script><img src=x onerror=\"window.__xss = 4\">")
        driver.find_element(By.CSS_SELECTOR, "form[action='/kiem-tra'] button").click()
        run.check(len(driver.find_elements(By.CSS_SELECTOR, ".doc mark.finding")) >= 1, "the finding is marked in the text")
        run.check("doc_replaced" in driver.page_source, "the finding's code is shown")
        run.check(driver.execute_script("return window.__xss === undefined"), "the submitted script did not run")
        run.check("<script>window.__xss = 3</script>" in driver.find_element(By.CSS_SELECTOR, ".doc").text, "it is shown as text")
        shot("review")

        print("XSS document")
        driver.get(base + "/van-ban?so=" + urllib.parse.quote("77/2026/QĐ-UBND", safe=""))
        run.check(no_alert(), "no alert opened")
        run.check(driver.execute_script("return window.__xss === undefined"), "the document's script did not run")
        run.check("<script>window.__xss = 1" in driver.find_element(By.TAG_NAME, "body").text, "the script shows as text")
        shot("xss")
    finally:
        if driver is not None:
            driver.quit()
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)
    print(f"browser: {run.passed} passed, {run.failed} failed")
    print(f"screenshots: {args.screenshots}")
    return 1 if run.failed else 0


if __name__ == "__main__":
    sys.exit(main())
