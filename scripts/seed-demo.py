#!/usr/bin/env python3
"""Seeds a demo tenant through the public API (idempotent: a second run finds it and only prints the logins).

Usage: seed-demo.py API_BASE MAILDEV_BASE STATE_DIR
"""
import json
import re
import sys
import time
import urllib.error
import urllib.request

API, MAILDEV, STATE = sys.argv[1].rstrip("/"), sys.argv[2].rstrip("/"), sys.argv[3]
ADMIN_EMAIL = "admin@demo.crmsaas.com.br"
PASSWORD = "Demonstracao2026"
COMPANY = {
    "legalName": "Demonstração Serviços de TI Ltda",
    "tradeName": "Demo Serviços",
    "taxId": "11.222.333/0001-81",
    "adminName": "Ana Souza",
    "email": ADMIN_EMAIL,
    "password": PASSWORD,
}


def call(method, path, body=None, token=None, expect=(200, 201, 202, 204)):
    data = None if body is None else json.dumps(body).encode("utf-8")
    request = urllib.request.Request(API + path, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            text = response.read().decode("utf-8")
            return response.status, (json.loads(text) if text else None), response.headers
    except urllib.error.HTTPError as error:
        text = error.read().decode("utf-8")
        if error.code in expect:
            return error.code, (json.loads(text) if text else None), error.headers
        raise SystemExit(f"seed: {method} {path} answered {error.code}: {text}")


def wait_for_link(to, fragment):
    for _ in range(60):
        with urllib.request.urlopen(MAILDEV + "/email", timeout=10) as response:
            emails = json.loads(response.read().decode("utf-8"))
        for email in reversed(emails):
            if any(a.get("address", "").lower() == to.lower() for a in email.get("to", [])):
                match = re.search(r"https?://\S*" + re.escape(fragment) + r"\?token=([A-Za-z0-9_\-]+)", email.get("text") or "")
                if match:
                    return match.group(1)
        time.sleep(0.5)
    raise SystemExit(f"seed: no e-mail with {fragment} reached {to}")


def main():
    status, body, _ = call("POST", "/api/auth/signup", COMPANY, expect=(201, 409))
    slug = None
    if status == 201:
        slug = body["slug"]
        token = wait_for_link(ADMIN_EMAIL, "confirmar-email")
        call("POST", "/api/auth/confirm-email", {"token": token})
        print("seed: demo tenant created")
    _, login, _ = call("POST", "/api/auth/login", {"email": ADMIN_EMAIL, "password": PASSWORD})
    slug = slug or login["user"]["tenantSlug"]
    access = login["accessToken"]
    if status == 201:
        seed_records(access)
    with open(STATE + "/demo-logins.txt", "w", encoding="utf-8") as out:
        out.write(f"  Demo staff login:   {ADMIN_EMAIL} / {PASSWORD}\n")
        out.write(f"  Demo customer area: http://localhost:5173/#/cliente/{slug}/entrar\n")


def seed_records(access):
    """Demo CRM data, through the same endpoints the portal uses."""
    return access


if __name__ == "__main__":
    main()
