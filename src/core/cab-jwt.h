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
/* One dot-separated part of a JWT, decoded (base64url without padding, RFC 7515 §2): the
 * bytes, with a NUL after them so that a JSON part reads as a string, and their number in
 * @len (may be NULL). NULL when @part is not base64url. */
char *cab_jwt_decode_part     (const char   *part,
                               gsize        *len);

G_END_DECLS
