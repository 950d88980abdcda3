"""Write docs/demo.png: the demo page on seed 000, from the same headless Chromium as the tests.

    make screenshot

Needs Debian's ``chromium`` and ``chromium-driver``; nothing is downloaded.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SEED = ROOT / "seeds" / "000_08824b2ea6d5378f.txt"
TARGET = ROOT / "docs" / "demo.png"
HOVERED = "Kyiv"  # a place: its tooltip shows the country and the coordinates


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=TARGET)
    parser.add_argument("--width", type=int, default=1440)
    parser.add_argument("--height", type=int, default=1640)
    args = parser.parse_args()

    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    from service.app import create_app
    from tests.browser.chromium import chromium, live_server, paste_and_extract

    app = create_app()
    with (live_server(app) as url, tempfile.TemporaryDirectory() as profile,
          chromium(Path(profile), width=args.width, height=args.height) as driver):
        paste_and_extract(driver, url, SEED.read_text(encoding="utf-8"))
        errors = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        if errors or not driver.find_element(By.ID, "error").get_attribute("hidden") == "true":
            print("the page did not show a clean result:", *errors, sep="\n  ")
            return 1
        mention = driver.find_element(
            By.XPATH, f"//mark[@data-field='locations'][.='{HOVERED}']")
        ActionChains(driver).move_to_element(mention).perform()
        args.out.parent.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(args.out))
    print(f"wrote {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
