#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The token passed to initLead verifies with a real JWT library (Debian's python3-jwt), as a
widget's backend would check it: HS256 with the integration's secret, the SPEC §4 claims; and so
does one minted after the Integration page's edit changed the secret and the lifetime.

Debian's interpreter on purpose: the library is Debian's package."""
import json
import subprocess
import sys
import uuid

import jwt

LEAD_ID = "18342277"
EDITED_SECRET = "an edited secret: ключ ✓"
EDITED_LIFETIME = 120
failures = 0
n = 0


def check(name, condition):
    global failures, n
    n += 1
    print(("ok" if condition else "not ok") + f" {n} - {name}")
    failures += not condition


def mint(*args):
    return json.loads(subprocess.run([sys.argv[1], *args], check=True, capture_output=True, text=True).stdout)


def decode(out, secret):
    return jwt.decode(out["token"], secret, algorithms=["HS256"],
                      audience="https://widget.example.com", issuer=out["integration"]["accountAddress"],
                      options={"require": ["iss", "aud", "jti", "iat", "nbf", "exp"]})


def refused(out, secret):
    try:
        decode(out, secret)
        return False
    except jwt.InvalidSignatureError:
        return True


print("1..12")
out = mint()
integration = out["integration"]
claims = decode(out, out["secret"])
check("the signature verifies with the client secret", True)
check("the header says HS256", jwt.get_unverified_header(out["token"])["alg"] == "HS256")
check("jti is a UUID", str(uuid.UUID(claims["jti"])) == claims["jti"])
check("lifetime is the integration's", claims["exp"] - claims["iat"] == integration["tokenLifetime"])
check("account, user and integration ids",
      (claims["account_id"], claims["user_id"], claims["client_uuid"]) ==
      (out["accountId"], integration["userId"], integration["clientUuid"]))
check("lead_id is the lead's", claims["lead_id"] == out["leadId"])
check("a wrong secret is refused", refused(out, out["secret"] + "x"))

# After cab_state_set_integration changed the secret and the lifetime.
edited = mint(LEAD_ID, EDITED_SECRET, str(EDITED_LIFETIME))
check("the edited secret is the document's", edited["secret"] == EDITED_SECRET)
claims = decode(edited, EDITED_SECRET)
check("after the edit, the signature verifies with the new secret", True)
check("after the edit, the old secret is refused", refused(edited, out["secret"]))
check("after the edit, the lifetime is the new one", claims["exp"] - claims["iat"] == EDITED_LIFETIME)
check("after the edit, the other claims stay",
      (claims["iss"], claims["client_uuid"], claims["lead_id"]) ==
      (integration["accountAddress"], integration["clientUuid"], LEAD_ID))
sys.exit(1 if failures else 0)
