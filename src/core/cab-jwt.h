/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

char *cab_jwt_sign_hs256 (JsonObject *claims,
                          const char *secret);
char *cab_jwt_base64url  (const guchar *data,
                          gsize         len);
char *cab_jwt_signature_hs256 (const char   *signing_input,
                               const guchar *key,
                               gsize         key_len);

G_END_DECLS
