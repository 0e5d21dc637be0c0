#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The token passed to initLead verifies with a real JWT library (Debian's python3-jwt), as a
widget's backend would check it: HS256 with the integration's secret, the SPEC §4 claims.

Debian's interpreter on purpose: the library is Debian's package."""
import json
import subprocess
import sys
import uuid

import jwt

out = json.loads(subprocess.run([sys.argv[1]], check=True, capture_output=True, text=True).stdout)
integration = out["integration"]
failures = 0


def check(name, condition):
    global failures
    print(("ok" if condition else "not ok") + f" - {name}")
    failures += not condition


print("1..7")
claims = jwt.decode(out["token"], out["secret"], algorithms=["HS256"],
                    audience="https://widget.example.com", issuer=integration["accountAddress"],
                    options={"require": ["iss", "aud", "jti", "iat", "nbf", "exp"]})
check("the signature verifies with the client secret", True)
check("the header says HS256", jwt.get_unverified_header(out["token"])["alg"] == "HS256")
check("jti is a UUID", str(uuid.UUID(claims["jti"])) == claims["jti"])
check("lifetime is the integration's", claims["exp"] - claims["iat"] == integration["tokenLifetime"])
check("account, user and integration ids",
      (claims["account_id"], claims["user_id"], claims["client_uuid"]) ==
      (out["accountId"], integration["userId"], integration["clientUuid"]))
check("lead_id is the lead's", claims["lead_id"] == out["leadId"])
try:
    jwt.decode(out["token"], out["secret"] + "x", algorithms=["HS256"], audience="https://widget.example.com")
    check("a wrong secret is refused", False)
except jwt.InvalidSignatureError:
    check("a wrong secret is refused", True)
sys.exit(1 if failures else 0)
