"""Validates the patient summaries the integration tests made (target/exports/*.json)
with a maintained FHIR library from PyPI, fhir.resources (its R4B models: the resources
a Carnet summary uses are the same in R4 and R4B), then checks what the library does not:
the IPS document's shape (the Composition first, its sections' LOINC codes, a subject and
an author), every reference resolvable inside the Bundle, and no empty required section.

Usage: python validate_ips.py DIR  (exits 1 on the first summary that fails, naming it)."""

import json
import pathlib
import sys

from fhir.resources.R4B.bundle import Bundle

REQUIRED = ["10160-0", "48765-2", "11450-4"]


def references(value, out):
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "reference" and isinstance(item, str):
                out.append(item)
            else:
                references(item, out)
    elif isinstance(value, list):
        for item in value:
            references(item, out)


def check(path):
    text = path.read_text(encoding="utf-8")
    Bundle.model_validate_json(text)  # raises on anything FHIR does not allow
    bundle = json.loads(text)
    assert bundle["type"] == "document", "a document Bundle"
    entries = bundle["entry"]
    composition = entries[0]["resource"]
    assert composition["resourceType"] == "Composition", "the Composition first"
    assert composition["type"]["coding"][0]["code"] == "60591-5", "a patient summary"
    urls = {entry["fullUrl"] for entry in entries}
    assert composition["subject"]["reference"] in urls and composition["author"], "its subject and author"
    codes = [section["code"]["coding"][0]["code"] for section in composition["section"]]
    assert codes[:3] == REQUIRED, f"the required sections first: {codes}"
    for section in composition["section"]:
        assert section.get("entry") or section.get("emptyReason"), f"section {section['code']} says something"
        assert section["text"]["div"].startswith("<div"), "a narrative"
    found = []
    references(bundle, found)
    missing = [r for r in found if r not in urls]
    assert not missing, f"references outside the Bundle: {missing}"
    return len(entries)


def main():
    folder = pathlib.Path(sys.argv[1])
    files = sorted(folder.glob("*.json"))
    if not files:
        print(f"no patient summary in {folder}: the integration tests make them", file=sys.stderr)
        return 1
    for path in files:
        try:
            entries = check(path)
        except Exception as error:  # the file and what is wrong, then stop
            print(f"{path.name}: not a valid patient summary: {error}", file=sys.stderr)
            return 1
        print(f"{path.name}: valid ({entries} entries)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
